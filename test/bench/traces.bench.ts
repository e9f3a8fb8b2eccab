import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { parseFilter, parseOrderBy } from '../../server/modules/search/filter-parser.ts';
import { TRACE_VOCABULARY } from '../../server/modules/search/search-vocabulary.ts';
import { compileTraceSearch } from '../../server/modules/search/trace-search.sql.ts';
import {
  benchDatabase,
  gql,
  percentile,
  postgresCpuMs,
  postJson,
  procCpuMs,
  report,
  startBenchServer,
} from './harness.ts';
import { floorFigures, traceSearchFloor } from './read-floor.ts';

/**
 * Span ingest and trace search.
 *
 * 1. `logTrace` of complete traces (`BENCH_TRACE_SPANS`, 20 spans: a root and its children) from 1
 *    and 8 concurrent clients, each sending one trace per request over keep-alive HTTP.
 * 2. `POST /v1/traces` with the same traces, `BENCH_OTLP_TRACES` (10) per export, from 1 and 8
 *    clients, in OTLP/JSON and OTLP protobuf (the bodies hold the same spans).
 * 3. One export of `BENCH_BIG_EXPORT` (20,000) one-span traces, protobuf and JSON: status, time.
 * 4. The protobuf decoder against protobufjs's generated decoder (OpenTelemetry's own
 *    `otlp-transformer` root), in this process, on the same bytes.
 * 5. `searchTraces` latency (p50/p99) over `BENCH_SEARCH_TRACES` (100,000) traces seeded with SQL
 *    and never analyzed (autovacuum is off here), selecting each trace's root span, unfiltered
 *    and filtered on `metadata.mlflow.modelId`, with the statement's plan and the raw SQL floor (test/bench/read-floor.ts) (0: skipped).
 *
 * Every ingest figure carries server and PostgreSQL CPU per 1k spans (steadier than spans/s on a
 * shared machine); the last line gives the peak RSS of the server's whole process tree.
 */
const SPANS = Number(process.env.BENCH_TRACE_SPANS ?? 20);
const TRACES_PER_CLIENT = Number(process.env.BENCH_TRACES_PER_CLIENT ?? 150);
const OTLP_TRACES = Number(process.env.BENCH_OTLP_TRACES ?? 10);
const BIG_EXPORT = Number(process.env.BENCH_BIG_EXPORT ?? 20_000);
const SEARCH_TRACES = Number(process.env.BENCH_SEARCH_TRACES ?? 100_000);

const LOG_TRACE = `mutation($input: LogTraceInput!) {
  logTrace(input: $input) { __typename ... on Error { message } }
}`;
const SEARCH = `query($ids: [String!]!, $filter: String) {
  searchTraces(experimentIds: $ids, filter: $filter, first: 100) {
    edges { node { traceId requestTime executionDuration state requestPreview
      metadata { key value } rootSpan { spanId name spanType startTimeNs endTimeNs statusCode } } }
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

/** The spans of one OTLP export: `traces` traces of `spans` spans each. */
function exportTraces(traces: number): { hex: string; spans: BenchSpan[] }[] {
  return Array.from({ length: traces }, () => traceSpans());
}

function otlpJson(traces: { hex: string; spans: BenchSpan[] }[]): Buffer {
  const spans = [];
  for (const { hex: id, spans: list } of traces) {
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
  return Buffer.from(
    JSON.stringify({ resourceSpans: [{ scopeSpans: [{ scope: { name: 'bench' }, spans }] }] }),
  );
}

/** Protobuf writing, enough for an ExportTraceServiceRequest. */
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
};
const field = (no: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([...varint(no * 8 + 2), ...varint(payload.length)]), payload]);
const fixed64 = (no: number, v: bigint) => {
  const b = Buffer.alloc(9);
  b[0] = no * 8 + 1;
  b.writeBigUInt64LE(v, 1);
  return b;
};
const varintField = (no: number, v: number) => Buffer.from([...varint(no * 8), ...varint(v)]);
const keyValue = (key: string, anyValue: Buffer) =>
  field(9, Buffer.concat([field(1, Buffer.from(key)), field(2, anyValue)]));
const ATTRIBUTES = Buffer.concat([
  keyValue('mlflow.spanInputs', field(1, Buffer.from(INPUTS))),
  keyValue('tool.calls', varintField(3, 1)),
]);

/** The same export as {@link otlpJson}, in protobuf. */
function otlpProtobuf(traces: { hex: string; spans: BenchSpan[] }[]): Buffer {
  const spans: Buffer[] = [];
  for (const { hex: id, spans: list } of traces) {
    for (const s of list) {
      spans.push(
        field(
          2,
          Buffer.concat([
            field(1, Buffer.from(id, 'hex')),
            field(2, Buffer.from(s.spanId, 'hex')),
            ...(s.parentSpanId ? [field(4, Buffer.from(s.parentSpanId, 'hex'))] : []),
            field(5, Buffer.from(s.name)),
            varintField(6, 1),
            fixed64(7, s.start),
            fixed64(8, s.end),
            ATTRIBUTES,
            field(15, varintField(3, 1)),
          ]),
        ),
      );
    }
  }
  const scope = field(1, field(1, Buffer.from('bench')));
  return field(1, field(2, Buffer.concat([scope, ...spans])));
}

/** One-span traces, `n` of them, in one export. */
function oneSpanTraces(n: number) {
  return Array.from({ length: n }, () => {
    const t = traceSpans();
    return { hex: t.hex, spans: t.spans.slice(0, 1) };
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type OtlpType = 'application/json' | 'application/x-protobuf';

function postOtlp(
  url: string,
  experimentId: string,
  body: Buffer,
  type: OtlpType,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': type,
          'content-length': body.length,
          'x-mlflow-experiment-id': experimentId,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function sendOtlp(url: string, experimentId: string, body: Buffer, type: OtlpType) {
  const res = await postOtlp(url, experimentId, body, type);
  if (res.status !== 200) throw new Error(`OTLP ${res.status}: ${res.text.slice(0, 300)}`);
}

/** Pids of `pid` and all its descendants. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const tasks = readdirSync(`/proc/${out[i]}/task`);
      for (const task of tasks) {
        const children = readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8').trim();
        if (children) out.push(...children.split(' ').map(Number));
      }
    } catch {
      // exited
    }
  }
  return out;
}

/** Resident set size of the server's whole process tree, in MiB. */
function treeRssMiB(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

/** Runs `clients` loops of `requests` calls each (bodies built before the clock starts). */
async function ingest<B>(
  clients: number,
  requests: number,
  build: () => B,
  send: (body: B) => Promise<void>,
): Promise<{ seconds: number; serverCpuMs: number; postgresCpuMs: number | null }> {
  const bodies = Array.from({ length: clients }, () => Array.from({ length: requests }, build));
  const cpu0 = procCpuMs(server.proc.pid!);
  const pg0 = await postgresCpuMs(db.url);
  const t0 = performance.now();
  await Promise.all(
    bodies.map(async (list) => {
      for (const body of list) await send(body);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const pg1 = await postgresCpuMs(db.url);
  return {
    seconds,
    serverCpuMs: procCpuMs(server.proc.pid!) - cpu0,
    postgresCpuMs: pg0 === null || pg1 === null ? null : pg1 - pg0,
  };
}

/** CPU per 1k spans of a phase, server and PostgreSQL. */
const cpuPer1k = (r: { serverCpuMs: number; postgresCpuMs: number | null }, spans: number) => ({
  server_cpu_ms_per_1k_spans: +((r.serverCpuMs / spans) * 1000).toFixed(1),
  postgres_cpu_ms_per_1k_spans:
    r.postgresCpuMs === null ? null : +((r.postgresCpuMs / spans) * 1000).toFixed(1),
});

async function experiment(url: string, name: string): Promise<string> {
  const data = await gql<{ createExperiment: { experiment: { experimentId: string } } }>(
    url,
    'mutation($name: String!) { createExperiment(input: { name: $name }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }',
    { name },
  );
  return data.createExperiment.experiment.experimentId;
}

/** Finished traces with metadata (100 model ids), tags and a root span each, in SQL. */
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
    // no ANALYZE: autovacuum is off here, as on a database right after a bulk import
  } finally {
    await client.end();
  }
}

/** The search statement's plan and execution time, as the server would run it. */
async function explain(url: string, experimentId: string, filter: string | null) {
  const c = compileTraceSearch({
    experimentIds: [Number(experimentId)],
    link: null,
    filter: parseFilter(filter ?? '', TRACE_VOCABULARY),
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

/** Protobuf decode time per 1k spans: this server's decoder against protobufjs's generated one. */
async function decoderFigures(): Promise<void> {
  // imported here, so this bench also runs against a server without the decoder (before/after)
  const decoder = await import('../../server/modules/traces/otlp-protobuf.ts').catch(() => null);
  if (!decoder) return;
  const { tracesOfProtobufExport } = decoder;
  const require = createRequire(import.meta.url);
  const root = require('@opentelemetry/otlp-transformer/build/src/generated/root.js') as {
    opentelemetry: {
      proto: {
        collector: {
          trace: { v1: { ExportTraceServiceRequest: { decode(b: Uint8Array): unknown } } };
        };
      };
    };
  };
  const generated = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
  const bodies = Array.from({ length: 50 }, () => otlpProtobuf(exportTraces(OTLP_TRACES)));
  const spans = bodies.length * OTLP_TRACES * SPANS;
  const time = (fn: (b: Buffer) => unknown) => {
    for (const b of bodies) fn(b); // warm up
    const t0 = performance.now();
    for (let round = 0; round < 5; round++) for (const b of bodies) fn(b);
    return ((performance.now() - t0) / (5 * spans)) * 1000;
  };
  // alternate, so both see the same machine load
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 3; i++) {
    ours.push(time((b) => tracesOfProtobufExport(b)));
    theirs.push(time((b) => generated.decode(b)));
  }
  const trackql = Math.min(...ours);
  const protobufjs = Math.min(...theirs);
  report({
    bench: 'traces.protobufDecode',
    spans_per_export: OTLP_TRACES * SPANS,
    trackql_ms_per_1k_spans: +trackql.toFixed(3),
    trackql_output: 'span inputs (ids hex, times decimal, attribute values JSON text)',
    protobufjs_ms_per_1k_spans: +protobufjs.toFixed(3),
    protobufjs_output: 'message objects (ids bytes, times Long), before any conversion',
    ratio: +(protobufjs / trackql).toFixed(2),
  });
}

const db = await benchDatabase();
// the harness reads the URL from the 'listening' info line
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
const otlpUrl = server.url.replace(/\/graphql$/, '/v1/traces');
let peakTreeMiB = 0;
const sampler = setInterval(() => {
  peakTreeMiB = Math.max(peakTreeMiB, treeRssMiB(server.proc.pid!));
}, 100);
try {
  await decoderFigures();
  const exp = await experiment(server.url, 'trace-ingest');
  // warm up both paths (JIT, pool)
  for (let i = 0; i < 20; i++) await postJson(server.url, logTraceBody(exp));
  const protobufServed =
    (await postOtlp(otlpUrl, exp, otlpProtobuf(exportTraces(2)), 'application/x-protobuf'))
      .status === 200;
  await sendOtlp(otlpUrl, exp, otlpJson(exportTraces(2)), 'application/json');

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
      ...cpuPer1k(r, spans),
    });
  }

  const encodings: [OtlpType, (t: ReturnType<typeof exportTraces>) => Buffer][] = [
    ['application/json', otlpJson],
    ['application/x-protobuf', otlpProtobuf],
  ];
  for (const [type, encode] of encodings) {
    if (type === 'application/x-protobuf' && !protobufServed) {
      report({ bench: 'traces.otlp', encoding: type, served: false });
      continue;
    }
    for (const clients of [1, 8]) {
      const requests = Math.ceil(TRACES_PER_CLIENT / OTLP_TRACES / clients) * 4;
      const r = await ingest(
        clients,
        requests,
        () => encode(exportTraces(OTLP_TRACES)),
        (body) => sendOtlp(otlpUrl, exp, body, type),
      );
      const spans = clients * requests * OTLP_TRACES * SPANS;
      report({
        bench: 'traces.otlp',
        encoding: type,
        clients,
        traces_per_export: OTLP_TRACES,
        spans_per_trace: SPANS,
        spans,
        spans_per_s: Math.round(spans / r.seconds),
        ...cpuPer1k(r, spans),
      });
    }
  }

  for (const [type, encode] of encodings) {
    const body = encode(oneSpanTraces(BIG_EXPORT));
    const rss0 = treeRssMiB(server.proc.pid!);
    const t0 = performance.now();
    const res = await postOtlp(otlpUrl, exp, body, type);
    report({
      bench: 'traces.bigExport',
      encoding: type,
      traces: BIG_EXPORT,
      spans: BIG_EXPORT,
      body_bytes: body.length,
      status: res.status,
      error: res.status === 200 ? undefined : res.text.slice(0, 200),
      seconds: +((performance.now() - t0) / 1000).toFixed(2),
      server_tree_rss_before_mib: +rss0.toFixed(1),
      server_tree_peak_rss_so_far_mib: +peakTreeMiB.toFixed(1),
    });
  }

  const searchExp = await experiment(server.url, 'trace-search');
  if (SEARCH_TRACES > 0) await seedSearchTraces(db.url, searchExp, SEARCH_TRACES);
  // BENCH_SEARCH_TRACES=0 skips the search figures (ingest only)
  for (const filter of SEARCH_TRACES > 0 ? [null, "metadata.mlflow.modelId = 'm-42'"] : []) {
    const body = JSON.stringify({ query: SEARCH, variables: { ids: [searchExp], filter } });
    for (let i = 0; i < 20; i++) await postJson(server.url, body);
    const samples: number[] = [];
    let rows = 0;
    let roots = 0;
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = JSON.parse(await postJson(server.url, body)) as {
        data: { searchTraces: { edges: { node: { rootSpan: unknown } }[] } };
      };
      samples.push(performance.now() - t0);
      rows = res.data.searchTraces.edges.length;
      roots = res.data.searchTraces.edges.filter((e) => e.node.rootSpan).length;
    }
    const ex = await explain(db.url, searchExp, filter);
    const p50 = percentile(samples, 50);
    const floor = await traceSearchFloor(
      db.url,
      searchExp,
      filter ? { key: 'mlflow.modelId', value: 'm-42' } : null,
      100,
    );
    report({
      bench: 'traces.searchTraces',
      traces: SEARCH_TRACES,
      analyzed: false,
      filter,
      first: 100,
      selection: 'info, previews, metadata, root span',
      p50_ms: +p50.toFixed(2),
      p99_ms: +percentile(samples, 99).toFixed(2),
      rows,
      root_spans: roots,
      ...floorFigures(p50, floor),
      sql_execution_ms: ex.executionMs,
      uses_metadata_index: filter ? ex.usesMetadataIndex : undefined,
    });
    if (process.env.BENCH_PLAN) process.stderr.write(`${ex.plan}\n`);
  }
  report({
    bench: 'traces.rss',
    server_tree_peak_rss_mib: +peakTreeMiB.toFixed(1),
    server_peak_rss_mib: +server.peakRssMiB().toFixed(1),
    processes: processTree(server.proc.pid!).length,
  });
} finally {
  clearInterval(sampler);
  await server.stop();
  await db.drop();
}
