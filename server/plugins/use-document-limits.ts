import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DocumentNode,
  type GraphQLError,
  Kind,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import type { DocumentLimits } from '../config.ts';
import { sendJson } from '../shared/http-json.ts';
import { decodeUtf8, jsonKeys, walkJson } from '../shared/validation.ts';

function refuse(message: string, field: string, status = 400): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: 'INVALID_PARAMETER_VALUE', field, http: { status } },
  });
}

function tooLarge(limits: DocumentLimits): GraphQLError {
  return refuse(`The request body exceeds ${limits.maxBodyBytes} bytes.`, 'body', 413);
}

/**
 * The nesting depth of brackets in `source`, outside strings and comments, stopping early past
 * `max`: one linear pass, so a 100,000-deep document is refused before the recursive parser
 * could overflow the stack on it.
 */
export function bracketDepth(source: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x22 /* " */) {
      const block = source.startsWith('"""', i);
      i += block ? 3 : 1;
      while (i < source.length) {
        if (block ? source.startsWith('"""', i) : source.charCodeAt(i) === 0x22) break;
        if (source.charCodeAt(i) === 0x5c /* \ */) i++;
        i++;
      }
      if (block) i += 2;
    } else if (c === 0x7b || c === 0x28 || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** `variables.a.0.b`: where a walked value sits, for an error message. */
const variablePath = (keys: readonly (string | number)[]) => ['variables', ...keys].join('.');

/** Checks every string and the nesting of JSON variables (see {@link walkJson}). */
function checkVariables(variables: unknown, limits: DocumentLimits): void {
  walkJson(variables, {
    string(s, frame, key) {
      if (s.length > limits.maxStringLength) {
        const path = variablePath(jsonKeys(frame, key));
        throw refuse(
          `'${path}' exceeds the maximum length of ${limits.maxStringLength} characters.`,
          path,
        );
      }
    },
    container(frame) {
      if (frame.depth > limits.maxDepth) {
        const path = variablePath(jsonKeys(frame));
        throw refuse(`'${path}' nests deeper than ${limits.maxDepth} levels.`, path);
      }
    },
  });
}

/** Counts aliases and selections and checks string literals of a parsed document. */
function checkDocument(doc: DocumentNode, limits: DocumentLimits): void {
  let aliases = 0;
  let selections = 0;
  const sets: SelectionSetNode[] = [];
  const values: [ValueNode, string][] = [];
  for (const def of doc.definitions) {
    if ('selectionSet' in def && def.selectionSet) sets.push(def.selectionSet);
  }
  while (sets.length > 0) {
    for (const sel of sets.pop()!.selections) {
      selections++;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        for (const arg of sel.arguments ?? []) {
          values.push([arg.value, `${sel.name.value}.${arg.name.value}`]);
        }
      }
      if ('selectionSet' in sel && sel.selectionSet) sets.push(sel.selectionSet);
    }
  }
  if (aliases > limits.maxAliases) {
    throw refuse(`The document has ${aliases} aliases; at most ${limits.maxAliases}.`, 'query');
  }
  if (selections > limits.maxSelections) {
    throw refuse(
      `The document selects ${selections} fields; at most ${limits.maxSelections}.`,
      'query',
    );
  }
  while (values.length > 0) {
    const [v, path] = values.pop()!;
    if (v.kind === Kind.STRING) {
      if (v.value.length > limits.maxStringLength) {
        throw refuse(
          `'${path}' exceeds the maximum length of ${limits.maxStringLength} characters.`,
          path,
        );
      }
    }
    if (v.kind === Kind.LIST) {
      for (const [i, item] of v.values.entries()) values.push([item, `${path}[${i}]`]);
    }
    if (v.kind === Kind.OBJECT) {
      for (const f of v.fields) values.push([f.value, `${path}.${f.name.value}`]);
    }
  }
}

/**
 * Refuses oversized GraphQL documents before graphql-js parses and validates them (validation
 * compares fields pairwise, so 10,000 aliases would cost seconds): the source's nesting and string
 * literals, then a parse capped at `maxTokens`, then alias and selection counts; before execution,
 * the variables' strings and nesting. Every refusal is INVALID_PARAMETER_VALUE with HTTP 400.
 * Being envelop hooks, they apply to every transport (HTTP, SSE, WebSocket).
 */
export function useDocumentLimits(limits: DocumentLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const type = request.headers.get('content-type') ?? '';
      if (
        request.method !== 'POST' ||
        !requestParser ||
        !/^application\/(graphql\+)?json/i.test(type)
      ) {
        return;
      }
      // yoga's own JSON parser would replace bytes that are not UTF-8 with U+FFFD, silently
      setRequestParser(async (req) => {
        // Over HTTP the listener refused a longer body before yoga (admitGraphQLBody); this
        // bounds bodies handed to yoga in process as well
        const declared = req.headers.get('content-length');
        if (declared !== null && Number(declared) > limits.maxBodyBytes) throw tooLarge(limits);
        const bytes = new Uint8Array(await req.arrayBuffer());
        if (bytes.byteLength > limits.maxBodyBytes) throw tooLarge(limits);
        let text: string;
        try {
          text = decodeUtf8(bytes, 'body');
        } catch {
          throw refuse('The request body is not valid UTF-8.', 'body');
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw refuse('The request body is not valid JSON.', 'body');
        }
        if (body === null || typeof body !== 'object') {
          throw refuse('The request body must be a JSON object or array.', 'body');
        }
        return body as GraphQLParams | GraphQLParams[];
      });
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        if (bracketDepth(text, limits.maxDepth) > limits.maxDepth) {
          throw refuse(`The document nests deeper than ${limits.maxDepth} levels.`, 'query');
        }
        const doc = parse(source, { ...options, maxTokens: limits.maxTokens });
        checkDocument(doc, limits);
        return doc;
      });
    },
    onExecute({ args }) {
      checkVariables(args.variableValues, limits);
    },
    onSubscribe({ args }) {
      checkVariables(args.variableValues, limits);
    },
  };
}

/**
 * Answers 413 for a GraphQL POST whose declared body exceeds `maxBytes` and 411 for one that does
 * not declare its length (a chunked body could not be refused before reading it); returns whether
 * the request may go on.
 */
export function admitGraphQLBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): boolean {
  if (req.method !== 'POST') return true;
  const declared = req.headers['content-length'];
  const problem =
    declared === undefined
      ? { status: 411, message: 'A GraphQL POST must declare its Content-Length.' }
      : Number(declared) > maxBytes
        ? { status: 413, message: `The request body exceeds ${maxBytes} bytes.` }
        : null;
  if (!problem) return true;
  sendJson(
    res,
    problem.status,
    { errors: [{ message: problem.message, extensions: { code: 'INVALID_PARAMETER_VALUE' } }] },
    true,
  );
  return false;
}
