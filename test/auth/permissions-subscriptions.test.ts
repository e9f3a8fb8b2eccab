import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsConnect, wsExecute } from '../helpers/auth.ts';
import { type Stream, sseSubscribe } from '../helpers/streams.ts';
import { buildWorld, ROLES, type Role, type World } from './permissions-world.ts';

// Subscriptions are checked at subscribe and again after every auth change: a stream's events are
// all of one run (or, for runEvents without a run, filtered per subscriber), so a shared live
// result only ever reaches subscribers allowed to read that run (revocation: revocation.test.ts).

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.close());

const METRICS = parse(
  `subscription($r: String!) { metricsLogged(runId: $r, keys: ["live"]) { runId seq } }`,
);
const RUN_EVENTS = parse(`subscription { runEvents { kind runId experimentId } }`);

function subscribe<R>(role: Role, doc: ReturnType<typeof parse>, variables: unknown): Stream<R> {
  const fetchAs = (url: string, init: RequestInit) =>
    w.t.app.yoga.fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: w.auth[role] },
    });
  return sseSubscribe<R, unknown>(fetchAs, 'http://yoga/graphql', doc, variables);
}

const logLive = (value: number) =>
  w.as(
    'admin',
    `mutation($r: String!, $v: MetricValue!) { logMetric(input: { runId: $r, key: "live", value: $v }) { __typename } }`,
    { r: w.run, v: value },
  );

describe('metricsLogged', () => {
  it('refuses an unreadable run at subscribe, as a missing run; every reader shares the live batches', async () => {
    const streams = new Map(
      ROLES.map((role) => [
        role,
        subscribe<{ metricsLogged: { runId: string } }>(role, METRICS, { r: w.run }),
      ]),
    );
    const refused = await streams.get('none')!.next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    const missing = subscribe<unknown>('none', METRICS, { r: 'f'.repeat(32) });
    const missingError = (await missing.next()).errors?.[0];
    expect(missingError?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(missingError?.message.replace('f'.repeat(32), w.run)).toBe(refused.errors?.[0]?.message);
    await missing.close();
    for (const [, s] of streams) await s.ready;
    // let every allowed subscription attach before the batch commits
    await new Promise((r) => setTimeout(r, 300));
    await logLive(1);
    for (const role of ROLES.filter((r) => r !== 'none')) {
      const event = await streams.get(role)!.next();
      expect([role, event.data?.metricsLogged.runId]).toEqual([role, w.run]);
    }
    expect(await streams.get('none')!.silentFor(200)).toBe(true);
    for (const [, s] of streams) await s.close();
  });

  it('a grant withdrawn later ends a stream already open (PERMISSION_DENIED), and refuses the next subscribe', async () => {
    const grant = (p: string) =>
      w.as(
        'admin',
        `mutation($e: String!, $p: Permission!) { setExperimentPermission(input: { experimentId: $e, username: "dflt", permission: $p }) { __typename } }`,
        { e: w.exp, p },
      );
    await grant('READ');
    const open = subscribe<{ metricsLogged: { runId: string } }>('dflt', METRICS, { r: w.run });
    await open.ready;
    await new Promise((r) => setTimeout(r, 300));
    await grant('NO_PERMISSIONS');
    const ended = await open.next();
    expect(ended.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
    await open.ended;
    const again = subscribe<unknown>('dflt', METRICS, { r: w.run });
    expect((await again.next()).errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    await Promise.all([open.close(), again.close()]);
    await w.as(
      'admin',
      `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename } }`,
      { e: w.exp },
    );
  });
});

describe('runEvents without a run', () => {
  it('delivers only the events of experiments the subscriber may read', async () => {
    type E = { runEvents: { runId: string; experimentId: string } };
    const none = subscribe<E>('none', RUN_EVENTS, {});
    const reader = subscribe<E>('reader', RUN_EVENTS, {});
    await Promise.all([none.ready, reader.ready]);
    await new Promise((r) => setTimeout(r, 300));
    const rename = `mutation($r: String!, $n: String!) { updateRun(input: { runId: $r, runName: $n }) { __typename } }`;
    await w.as('admin', rename, { r: w.run, n: 'hidden-change' });
    await w.as('admin', rename, { r: w.openRun, n: 'open-change' });
    const first = await reader.next();
    const second = await reader.next();
    expect([first.data?.runEvents.runId, second.data?.runEvents.runId]).toEqual([w.run, w.openRun]);
    const seen = await none.next();
    expect(seen.data?.runEvents.runId).toBe(w.openRun);
    expect(await none.silentFor(200)).toBe(true);
    await Promise.all([none.close(), reader.close()]);
  });

  it('refuses runEvents of an unreadable experiment', async () => {
    const doc = parse(`subscription($e: String) { runEvents(experimentId: $e) { runId } }`);
    const s = subscribe<unknown>('none', doc, { e: w.exp });
    expect((await s.next()).errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    await s.close();
  });
});

describe('over WebSocket', () => {
  it("checks the socket's user at subscribe", async () => {
    const url = await w.t.listen();
    const query = `subscription { metricsLogged(runId: "${w.run}") { runId } }`;
    const none = await wsConnect(url, { authorization: w.auth.none });
    const reader = await wsConnect(url, { authorization: w.auth.reader });
    if (none.kind !== 'acked' || reader.kind !== 'acked') throw new Error('not connected');
    const refused = (await wsExecute(none.socket, query)) as {
      errors?: { extensions?: { code?: string } }[];
    };
    expect(refused.errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    const event = wsExecute(reader.socket, query) as Promise<{
      data?: { metricsLogged: { runId: string } };
    }>;
    await new Promise((r) => setTimeout(r, 300));
    await logLive(3);
    expect((await event).data?.metricsLogged.runId).toBe(w.run);
    none.socket.close();
    reader.socket.close();
  });
});
