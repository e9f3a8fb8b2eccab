import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI and Anthropic HTTP APIs, speaking their wire formats:
 * `POST /v1/chat/completions` and `/v1/completions` (JSON, or SSE `data:` chunks ending in `[DONE]`),
 * `POST /v1/responses` (JSON) and `POST /v1/messages` (JSON, or SSE with `event:` names).
 * The reply is always the text `REPLY` split into words; the model `fail` answers 429.
 */
export interface LlmStub {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  /** Request bodies received, in order, with their path. */
  requests: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export const REPLY = 'Paris is sunny today.';
export const USAGE = { input: 9, output: 5 };
const WORDS = REPLY.split(/(?<= )/);

function sse(res: ServerResponse, events: { event?: string; data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) {
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`);
  }
  res.end();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function chat(body: Record<string, unknown>, res: ServerResponse): void {
  const model = String(body.model);
  const base = { id: 'chatcmpl-stub1', created: 1_700_000_000, model: `${model}-2024-08-06` };
  const usage = {
    prompt_tokens: USAGE.input,
    completion_tokens: USAGE.output,
    total_tokens: USAGE.input + USAGE.output,
  };
  if (body.stream !== true) {
    json(res, 200, {
      ...base,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: REPLY, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage,
    });
    return;
  }
  const chunk = (delta: unknown, finish: string | null) => ({
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const withUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
  sse(res, [
    { data: chunk({ role: 'assistant', content: '' }, null) },
    ...WORDS.map((w) => ({ data: chunk({ content: w }, null) })),
    { data: chunk({}, 'stop') },
    ...(withUsage
      ? [{ data: { ...base, object: 'chat.completion.chunk', choices: [], usage } }]
      : []),
    { data: '[DONE]' },
  ]);
}

function completions(body: Record<string, unknown>, res: ServerResponse): void {
  const base = { id: 'cmpl-stub1', object: 'text_completion', created: 1_700_000_000 };
  const model = String(body.model);
  const usage = {
    prompt_tokens: USAGE.input,
    completion_tokens: USAGE.output,
    total_tokens: USAGE.input + USAGE.output,
  };
  const choice = (text: string, finish: string | null) => ({
    text,
    index: 0,
    finish_reason: finish,
    logprobs: null,
  });
  if (body.stream !== true) {
    json(res, 200, { ...base, model, choices: [choice(REPLY, 'stop')], usage });
    return;
  }
  sse(res, [
    ...WORDS.map((w) => ({ data: { ...base, model, choices: [choice(w, null)] } })),
    { data: { ...base, model, choices: [choice('', 'stop')] } },
    { data: '[DONE]' },
  ]);
}

function responses(body: Record<string, unknown>, res: ServerResponse): void {
  json(res, 200, {
    id: 'resp_stub1',
    object: 'response',
    created_at: 1_700_000_000,
    status: 'completed',
    model: String(body.model),
    output: [
      {
        type: 'message',
        id: 'msg_stub1',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: REPLY, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: USAGE.input,
      output_tokens: USAGE.output,
      total_tokens: USAGE.input + USAGE.output,
      input_tokens_details: { cached_tokens: 2 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
  });
}

function messages(body: Record<string, unknown>, res: ServerResponse): void {
  const message = {
    id: 'msg_stub1',
    type: 'message',
    role: 'assistant',
    model: String(body.model),
    stop_sequence: null,
  };
  if (body.stream !== true) {
    json(res, 200, {
      ...message,
      content: [{ type: 'text', text: REPLY }],
      stop_reason: 'end_turn',
      usage: { input_tokens: USAGE.input, output_tokens: USAGE.output, cache_read_input_tokens: 4 },
    });
    return;
  }
  sse(res, [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          ...message,
          content: [],
          stop_reason: null,
          usage: { input_tokens: USAGE.input, output_tokens: 1 },
        },
      },
    },
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    ...WORDS.map((w) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: w } },
    })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: USAGE.output },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

const ROUTES: Record<string, (body: Record<string, unknown>, res: ServerResponse) => void> = {
  '/v1/chat/completions': chat,
  '/v1/completions': completions,
  '/v1/responses': responses,
  '/v1/messages': messages,
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/** Starts the stub on a free loopback port. */
export async function startLlmStub(): Promise<LlmStub> {
  const requests: LlmStub['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    readBody(req)
      .then((body) => {
        requests.push({ path, body });
        const route = ROUTES[path];
        if (!route || req.method !== 'POST') {
          json(res, 404, { error: { message: `no route ${path}`, type: 'not_found' } });
        } else if (body.model === 'fail') {
          const error =
            path === '/v1/messages'
              ? { type: 'error', error: { type: 'rate_limit_error', message: 'Rate limited' } }
              : {
                  error: { message: 'Rate limited', type: 'rate_limit_error', code: 'rate_limit' },
                };
          json(res, 429, error);
        } else {
          route(body, res);
        }
      })
      .catch((err: unknown) => json(res, 400, { error: { message: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
