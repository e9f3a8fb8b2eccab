import { readdirSync, readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/schema.ts';

/**
 * The GraphQL documents the benchmarks send, checked against the schema: `npm run bench` is not
 * part of the suite, so a schema change that breaks a benchmark's query would otherwise go unseen
 * until someone runs it.
 */
const BENCH_DIR = new URL('../bench/', import.meta.url);

/** The string literals of a source file (quoted, or templates without substitutions) that are operations. */
function operations(file: string, source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (/^\s*(query|mutation|subscription)\b[\s\S]*\{/.test(node.text)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest));
  return found;
}

/** Operations sent to a server other than trackql's: the bare WebSocket floor of subscription-latency. */
const OTHER_SERVERS = new Set(['subscription { floor }']);

describe('benchmark documents', () => {
  const files = readdirSync(BENCH_DIR).filter((f) => f.endsWith('.ts'));
  const documents = files.flatMap((file) =>
    operations(file, readFileSync(new URL(file, BENCH_DIR), 'utf8'))
      .filter((doc) => !OTHER_SERVERS.has(doc))
      .map((doc) => ({ file, doc })),
  );

  it('finds the operations of the benchmarks', () => {
    // every benchmark that talks GraphQL has at least one; fewer means the extraction broke
    expect(documents.length).toBeGreaterThanOrEqual(20);
    expect(new Set(documents.map((d) => d.file)).size).toBeGreaterThanOrEqual(10);
  });

  it('validates every operation against the schema', () => {
    const invalid = documents.flatMap(({ file, doc }) =>
      validate(schema, parse(doc)).map((e) => `${file}: ${e.message}\n${doc}`),
    );
    expect(invalid).toEqual([]);
  });
});
