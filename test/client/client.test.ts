import { randomUUID } from 'node:crypto';
import { createTrackingClient, graphqlUrl, operations, TrackingError } from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipe, subscribe } from 'wonka';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

describe('typed operations over createTrackingClient', () => {
  it('returns success payloads and typed domain errors, and sends the bearer token', async () => {
    const auth: (string | null)[] = [];
    const client = createTrackingClient({
      url: url.replace(/\/graphql$/, ''),
      token: 's3cret',
      fetch: (input, init) => {
        auth.push(new Headers(init?.headers).get('authorization'));
        return fetch(input, init);
      },
    });
    const created = await operations.createExperiment(client, { name: 'ops', tags: [] });
    expect(created.ok && created.value.name).toBe('ops');
    const dup = await operations.createExperiment(client, { name: 'ops' });
    expect(dup).toMatchObject({
      ok: false,
      error: { __typename: 'AlreadyExistsError', code: 'RESOURCE_ALREADY_EXISTS' },
    });
    expect(() => operations.unwrap(dup)).toThrow(TrackingError);
    expect(auth.every((a) => a === 'Bearer s3cret')).toBe(true);
    expect(auth.length).toBe(2);

    const missing = await operations.createRun(client, { experimentId: '999' });
    expect(missing).toMatchObject({ ok: false, error: { __typename: 'NotFoundError' } });
    expect(await operations.getRun(client, 'f'.repeat(32))).toBeNull();
  });

  it('logs a batch once per idempotency key and reads it back', async () => {
    const client = createTrackingClient({ url });
    const run = operations.unwrap(await operations.createRun(client, {}));
    const input = {
      runId: run.runId,
      idempotencyKey: randomUUID(),
      metrics: [{ key: 'loss', values: [3, 2, 'NaN'], steps: [0, 1, 2] }],
      params: [{ key: 'lr', value: '0.1' }],
    };
    const first = await operations.logBatch(client, input);
    const auth: (string | null)[] = [];
    // the batch logger's plain-fetch path: same document, same typed result
    const again = await operations.sendLogBatch(
      {
        url,
        token: 't0k',
        fetch: (i, init) => {
          auth.push(new Headers(init?.headers).get('authorization'));
          return fetch(i, init);
        },
      },
      input,
    );
    expect(auth).toEqual(['Bearer t0k']);
    expect(first).toMatchObject({ ok: true, value: { replayed: false, metricsWritten: 3 } });
    expect(again).toMatchObject({ ok: true, value: { replayed: true, metricsWritten: 0 } });
    const history = await operations.getMetricHistory(client, run.runId, 'loss');
    expect(history.map((p) => p.value)).toEqual([3, 2, Number.NaN]);
    const [summary] = await operations.getMetricSummaries(client, run.runId);
    expect(summary).toMatchObject({ key: 'loss', count: 3, min: 2, max: 3 });
    const bad = await operations.logBatch(client, {
      runId: run.runId,
      params: [{ key: 'lr', value: '0.2' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { __typename: 'ValidationError' } });
    expect(!bad.ok && bad.error.field).toBe('params[0].value');
  });

  it('reports network and GraphQL failures as distinct TrackingError kinds', async () => {
    const down = createTrackingClient({ url: 'http://127.0.0.1:9/graphql' });
    const net = await operations.getRun(down, 'a'.repeat(32)).catch((e: unknown) => e);
    expect(net).toMatchObject({ kind: 'network', retryable: true });
    const client = createTrackingClient({ url });
    const bad = await operations
      .listExperiments(client, { after: 'not-a-cursor' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TrackingError);
    expect(bad).toMatchObject({ kind: 'graphql', retryable: false });
  });

  it('routes subscriptions through graphql-sse to the server', async () => {
    // the schema has no Subscription type yet: the server's SSE answer is a GraphQL error
    const client = createTrackingClient({ url });
    const result = await new Promise<{ error?: { graphQLErrors: { message: string }[] } }>(
      (resolve) => {
        const { unsubscribe } = pipe(
          client.subscription('subscription Nothing { nothing }', {}),
          subscribe((r) => {
            resolve(r);
            setTimeout(() => unsubscribe());
          }),
        );
      },
    );
    expect(result.error?.graphQLErrors[0]?.message).toMatch(/[Ss]ubscription/);
  });

  it('normalises tracking URIs to the GraphQL endpoint', () => {
    expect(graphqlUrl('http://h:4000')).toBe('http://h:4000/graphql');
    expect(graphqlUrl('http://h:4000/')).toBe('http://h:4000/graphql');
    expect(graphqlUrl('http://h:4000/graphql')).toBe('http://h:4000/graphql');
    expect(graphqlUrl('http://h/x/graphql/')).toBe('http://h/x/graphql/');
  });
});
