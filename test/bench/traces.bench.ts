import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { parseFilter, parseOrderBy } from '../../server/modules/search/filter-parser.ts';
import { TRACE_VOCABULARY } from '../../server/modules/search/search-vocabulary.ts';
import { compileTraceSearch } from '../../server/modules/search/trace-search.sql.ts';
import {
  benchDatabase,
  gql,
  percentile,
  postJson,
  procCpuMs,
  report,
  startBenchServer,
} from './harness.ts';

/**
 * Span ingest and trace search.
 *
 * 1. `logTrace` of complete traces (`BENCH_TRACE_SPANS`, 20 spans: a root and its children) from 1
 *    and 8 concurrent clients, each sending one trace per request over keep-alive HTTP.
 * 2. `POST /v1/traces` (OTLP/JSON) with the same traces, `BENCH_OTLP_TRACES` (10) per export,
 *    from 1 and 8 clients.
 * 3. `searchTraces` latency (p50/p99) over `BENCH_SEARCH_TRACES` (10,000) traces seeded with SQL,
 *    filtered on `metadata.mlflow.modelId` (100 models, so 100 matches), with the statement's plan
 *    checked for the metadata index.
 */
const SPANS = Number(process.env.BENCH_TRACE_SPANS ?? 20);
const TRACES_PER_CLIENT = Number(process.env.BENCH_TRACES_PER_CLIENT ?? 150);
const OTLP_TRACES = Number(process.env.BENCH_OTLP_TRACES ?? 10);
const SEARCH_TRACES = Number(process.env.BENCH_SEARCH_TRACES ?? 10_000);

const LOG_TRACE = `mutation($input: LogTraceInput!) {
  logTrace(input: $input) { __typename ... on Error { message } }
}`;
const SEARCH = `query($ids: [String!]!, $filter: String) {
  searchTraces(experimentIds: $ids, filter: $filter, first: 100) {
    edges { node { traceId requestTime state metadata { key value } } }
  }
}`;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

interface BenchSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  start: bigint;
  end: bigint;
}

/** A finished trace: a root spanning 20 ms with SPANS - 1 children of 1 ms. */
function traceSpans(): { hex: string; spans: BenchSpan[] } {
  const t0 = BigInt(Date.now()) * 1_000_000n;
  const root = hex(8);
  const spans: BenchSpan[] = [
    { spanId: root, parentSpanId: null, name: 'agent', start: t0, end: t0 + 20_000_000n },
  ];
  for (let i = 1; i < SPANS; i++) {
    const start = t0 + BigInt(i) * 500_000n;
    spans.push({
      spanId: hex(8),
      parentSpanId: root,
      name: `tool-${i}`,
      start,
      end: start + 1_000_000n,
    });
  }
  return { hex: hex(16), spans };
}

const INPUTS = JSON.stringify({ messages: [{ role: 'user', content: 'What is the weather?' }] });

function logTraceBody(experimentId: string): string {
  const { hex: id, spans } = traceSpans();
  return JSON.stringify({
    query: LOG_TRACE,
    variables: {
      input: {
        experimentId,
        traceId: `tr-${id}`,
        metadata: [{ key: 'mlflow.modelId', value: 'm-bench' }],
        spans: spans.map((s) => ({
          spanId: s.spanId,
          parentSpanId: s.parentSpanId,
          name: s.name,
          spanType: s.parentSpanId ? 'TOOL' : 'AGENT',
          startTimeNs: String(s.start),
          endTimeNs: String(s.end),
          statusCode: 'OK',
          inputs: INPUTS,
          attributes: [{ key: 'tool.calls', value: '1' }],
        })),
      },
    },
  });
}

function otlpBody(): string {
  const spans = [];
  for (let t = 0; t < OTLP_TRACES; t++) {
    const { hex: id, spans: list } = traceSpans();
    for (const s of list) {
      spans.push({
        traceId: id,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId ?? '',
        name: s.name,
        kind: 1,
        startTimeUnixNano: String(s.start),
        endTimeUnixNano: String(s.end),
        attributes: [
          { key: 'mlflow.spanInputs', value: { stringValue: INPUTS } },
          { key: 'tool.calls', value: { intValue: 1 } },
        ],
        events: [],
        status: { code: 1 },
      });
    }
  }
  return JSON.stringify({ resourceSpans: [{ scopeSpans: [{ scope: { name: 'bench' }, spans }] }] });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postOtlp(url: string, experimentId: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-mlflow-experiment-id': experimentId,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`OTLP ${res.statusCode}: ${Buffer.concat(chunks)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `clients` loops of `requests` calls each (bodies built before the clock starts). */
async function ingest(
  clients: number,
  requests: number,
  build: () => string,
  send: (body: string) => Promise<void>,
): Promise<{ seconds: number; serverCpuMs: number }> {
  const bodies = Array.from({ length: clients }, () => Array.from({ length: requests }, build));
  const cpu0 = procCpuMs(server.proc.pid!);
  const t0 = performance.now();
  await Promise.all(
    bodies.map(async (list) => {
      for (const body of list) await send(body);
    }),
  );
  return {
    seconds: (performance.now() - t0) / 1000,
    serverCpuMs: procCpuMs(server.proc.pid!) - cpu0,
  };
}

async function experiment(url: string, name: string): Promise<string> {
  const data = await gql<{ createExperiment: { experiment: { experimentId: string } } }>(
    url,
    'mutation($name: String!) { createExperiment(input: { name: $name }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }',
    { name },
  );
  return data.createExperiment.experiment.experimentId;
}

/** 10,000 finished traces with metadata (100 model ids), tags and a root span each, in SQL. */
async function seedSearchTraces(url: string, experimentId: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into trace_info (trace_id, experiment_id, request_time, execution_duration, state,
         request_preview, response_preview)
       select 'tr-' || md5('s' || i), $1, 1700000000000 + i * 1000, 20 + i % 50,
         case when i % 10 = 0 then 'ERROR' else 'OK' end, 'question ' || i, 'answer ' || i
       from generate_series(1, $2::int) i`,
      [experimentId, n],
    );
    await client.query(
      `insert into trace_metadata (trace_id, key, value)
       select 'tr-' || md5('s' || i), k, case k when 'mlflow.modelId' then 'm-' || (i % 100)
         when 'mlflow.sourceRun' then md5('run' || (i % 50)) else 'true' end
       from generate_series(1, $1::int) i,
         unnest(array['mlflow.modelId', 'mlflow.sourceRun', 'mlflow.trace.infoFinalized']) k`,
      [n],
    );
    await client.query(
      `insert into trace_tags (trace_id, key, value)
       select 'tr-' || md5('s' || i), k, case k when 'mlflow.traceName' then 'agent' else 'x' end
       from generate_series(1, $1::int) i, unnest(array['mlflow.traceName', 'team']) k`,
      [n],
    );
    await client.query(
      `insert into spans (trace_id, span_id, parent_span_id, name, span_type, start_time_ns,
         end_time_ns, status_code, attributes)
       select 'tr-' || md5('s' || i), left(md5('root' || i), 16), null, 'agent', 'AGENT',
         (1700000000000 + i * 1000) * 1000000, (1700000000020 + i * 1000) * 1000000, 'OK', '{}'
       from generate_series(1, $1::int) i`,
      [n],
    );
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

/** The search statement's plan and execution time, as the server would run it. */
async function explain(url: string, experimentId: string, filter: string) {
  const c = compileTraceSearch({
    experimentIds: [Number(experimentId)],
    link: null,
    filter: parseFilter(filter, TRACE_VOCABULARY),
    order: parseOrderBy([], TRACE_VOCABULARY),
    limit: 100,
    cursor: null,
    backward: false,
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(`explain (analyze, buffers) ${c.text}`, c.values);
    const plan = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    return {
      plan,
      usesMetadataIndex: plan.includes('trace_metadata_key_value_index'),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]),
    };
  } finally {
    await client.end();
  }
}

const db = await benchDatabase();
// the harness reads the URL from the 'listening' info line
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
const otlpUrl = server.url.replace(/\/graphql$/, '/v1/traces');
try {
  const exp = await experiment(server.url, 'trace-ingest');
  // warm up both paths (JIT, pool)
  for (let i = 0; i < 20; i++) await postJson(server.url, logTraceBody(exp));
  await postOtlp(otlpUrl, exp, otlpBody());

  for (const clients of [1, 8]) {
    const requests = Math.ceil(TRACES_PER_CLIENT / clients) * (clients === 1 ? 2 : 1);
    const r = await ingest(
      clients,
      requests,
      () => logTraceBody(exp),
      async (body) => {
        const res = JSON.parse(await postJson(server.url, body)) as {
          data?: { logTrace: { __typename: string; message?: string } };
        };
        if (res.data?.logTrace.__typename !== 'LogTraceSuccess') {
          throw new Error(`logTrace failed: ${JSON.stringify(res)}`);
        }
      },
    );
    const spans = clients * requests * SPANS;
    report({
      bench: 'traces.logTrace',
      clients,
      spans_per_trace: SPANS,
      traces: clients * requests,
      spans,
      spans_per_s: Math.round(spans / r.seconds),
      traces_per_s: Math.round((clients * requests) / r.seconds),
      server_cpu_ms_per_1k_spans: +((r.serverCpuMs / spans) * 1000).toFixed(1),
    });
  }

  for (const clients of [1, 8]) {
    const requests = Math.ceil(TRACES_PER_CLIENT / OTLP_TRACES / clients) * 2;
    const r = await ingest(clients, requests, otlpBody, (body) => postOtlp(otlpUrl, exp, body));
    const spans = clients * requests * OTLP_TRACES * SPANS;
    report({
      bench: 'traces.otlp',
      clients,
      traces_per_export: OTLP_TRACES,
      spans_per_trace: SPANS,
      spans,
      spans_per_s: Math.round(spans / r.seconds),
      server_cpu_ms_per_1k_spans: +((r.serverCpuMs / spans) * 1000).toFixed(1),
    });
  }

  const searchExp = await experiment(server.url, 'trace-search');
  await seedSearchTraces(db.url, searchExp, SEARCH_TRACES);
  for (const filter of ["metadata.mlflow.modelId = 'm-42'", null]) {
    const body = JSON.stringify({ query: SEARCH, variables: { ids: [searchExp], filter } });
    for (let i = 0; i < 20; i++) await postJson(server.url, body);
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = JSON.parse(await postJson(server.url, body)) as {
        data: { searchTraces: { edges: unknown[] } };
      };
      samples.push(performance.now() - t0);
      rows = res.data.searchTraces.edges.length;
    }
    const figure: Record<string, unknown> = {
      bench: 'traces.searchTraces',
      traces: SEARCH_TRACES,
      filter,
      first: 100,
      selection: 'traceId requestTime state metadata',
      p50_ms: +percentile(samples, 50).toFixed(2),
      p99_ms: +percentile(samples, 99).toFixed(2),
      rows,
    };
    if (filter) {
      const ex = await explain(db.url, searchExp, filter);
      figure.sql_execution_ms = ex.executionMs;
      figure.uses_metadata_index = ex.usesMetadataIndex;
      if (process.env.BENCH_PLAN || !ex.usesMetadataIndex) process.stderr.write(`${ex.plan}\n`);
    }
    report(figure);
  }
} finally {
  await server.stop();
  await db.drop();
}
