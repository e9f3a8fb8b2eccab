import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { GetTrace, newTraceId, span } from '../helpers/trace-documents.ts';

let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

/** The ingest benchmark's request: only the result's type is selected. */
const LOG_TRACE = `mutation($input: LogTraceInput!) {
  logTrace(input: $input) { __typename ... on Error { message } }
}`;

/** A root span and `children` children. */
function traceSpans(children: number) {
  const root = span('root', 1_700_000_000_000, 250);
  return [
    root,
    ...Array.from({ length: children }, (_, i) =>
      span(`c${i}`, 1_700_000_000_010 + i, 10, { parentSpanId: root.spanId }),
    ),
  ];
}

/** Statements that are not the transaction's own `begin`/`commit`. */
const work = (sql: readonly string[]) => sql.filter((s) => !/^\s*(begin|commit)\b/i.test(s));

describe('trace ingest statements', () => {
  it('writes a new trace of 20 spans with logTrace in one statement, nothing read back', async () => {
    const traceId = newTraceId();
    t.sql.length = 0;
    const res = await t.executeRaw<{ logTrace: { __typename: string } }, unknown>(LOG_TRACE, {
      input: { experimentId: exp, traceId, spans: traceSpans(19) },
    });
    expect(res.data?.logTrace.__typename).toBe('LogTraceSuccess');
    expect(t.sql, t.sql.join('\n')).toHaveLength(1);
    const { trace } = await t.execute(GetTrace, { traceId });
    expect(trace?.spans).toHaveLength(20);
    expect(trace?.state).toBe('OK');
  });

  it('writes an OTLP export of 10 new traces in a fixed number of statements', async () => {
    const counts: number[] = [];
    for (const traces of [2, 10]) {
      const spans = Array.from({ length: traces }, () => {
        const hex = randomBytes(16).toString('hex');
        const root = randomBytes(8).toString('hex');
        return [root, ...Array.from({ length: 19 }, () => randomBytes(8).toString('hex'))].map(
          (id, i) => ({
            traceId: hex,
            spanId: id,
            parentSpanId: i === 0 ? '' : root,
            name: `op-${i}`,
            startTimeUnixNano: '1700000000000000000',
            endTimeUnixNano: '1700000000200000000',
            status: {},
          }),
        );
      }).flat();
      t.sql.length = 0;
      const res = await rawRequest(
        base,
        'POST',
        '/v1/traces',
        JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }),
        { 'content-type': 'application/json', 'x-mlflow-experiment-id': exp },
      );
      expect(res.status).toBe(200);
      counts.push(work(t.sql).length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
