import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { authOn, basic, wsConnect } from '../helpers/auth.ts';
import { type Stream, sseSubscribe } from '../helpers/streams.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait.ts';
import { buildWorld, type World } from './permissions-world.ts';

// Revocation reaches open streams: a revoked or expired token, a deleted user or a withdrawn
// permission ends every stream (SSE and WebSocket) that may no longer read its data, with a clear
// error; a WebSocket connection whose credential no longer holds is closed with 4403. Streams of
// other credentials go on.

let w: World;
let url: string;
beforeAll(async () => {
  w = await buildWorld();
  url = await w.t.listen();
});
afterAll(() => w.close());

const METRICS = parse(`subscription($r: String!) { metricsLogged(runId: $r) { runId seq } }`);
type MetricsData = { metricsLogged: { runId: string } };

/** Subscribes over SSE to the listening server with `authorization`. */
function sse<R>(authorization: string, doc: string, variables: Record<string, unknown> = {}) {
  return sseSubscribe<R, Record<string, unknown>>(
    (u, init) =>
      fetch(u, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization },
      }),
    url,
    parse(doc),
    variables,
  );
}

/** Streams (and sockets) the server watches now. */
const watched = () => w.t.app.authGate.streams.size;

const logLive = (value: number) =>
  w.as(
    'admin',
    `mutation($r: String!, $v: MetricValue!) { logMetric(input: { runId: $r, key: "live", value: $v }) { __typename } }`,
    { r: w.run, v: value },
  );

async function createToken(username: string, expiresAt?: number) {
  const res = await w.as<{
    createApiToken: { created: { secret: string; token: { id: string } } };
  }>(
    'admin',
    `mutation($u: String!, $e: SafeInt) { createApiToken(input: { name: "stream", username: $u, expiresAt: $e }) {
       ... on CreateApiTokenSuccess { created { secret token { id } } } } }`,
    { u: username, e: expiresAt ?? null },
  );
  const created = res.data?.createApiToken.created;
  if (!created) throw new Error(`no token: ${JSON.stringify(res)}`);
  return { bearer: `Bearer ${created.secret}`, id: created.token.id };
}

/** A graphql-ws socket subscribed to the run's metrics; resolves its close code. */
async function wsMetrics(authorization: string) {
  const conn = await wsConnect(url, { authorization });
  if (conn.kind !== 'acked') throw new Error(`not connected: ${JSON.stringify(conn)}`);
  const socket: WebSocket = conn.socket;
  const messages: { type: string; payload?: unknown }[] = [];
  socket.on('message', (d) => messages.push(JSON.parse(String(d))));
  const closed = new Promise<number>((r) => socket.on('close', (code) => r(code)));
  socket.send(
    JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query: `subscription { metricsLogged(runId: "${w.run}") { runId } }` },
    }),
  );
  return { socket, messages, closed };
}

async function endedWith<R>(s: Stream<R>, timeoutMs = 10_000): Promise<string | undefined> {
  const last = await s.next(timeoutMs);
  await s.ended;
  return last.errors?.[0]?.extensions?.code as string | undefined;
}

describe('credentials withdrawn', () => {
  it('revoking a token ends its SSE stream (UNAUTHENTICATED) and closes its WebSocket (4403); others go on', async () => {
    const token = await createToken('reader');
    const before = watched();
    const revoked = sse<MetricsData>(token.bearer, print(METRICS), { r: w.run });
    const other = sse<MetricsData>(w.auth.reader, print(METRICS), { r: w.run });
    const ws = await wsMetrics(token.bearer);
    // the SSE streams, the socket and its subscription
    await waitFor(() => watched() === before + 4, 'streams watched');
    await w.as(
      'admin',
      `mutation($i: String!) { revokeApiToken(input: { id: $i }) { __typename } }`,
      {
        i: token.id,
      },
    );
    expect(await endedWith(revoked)).toBe('UNAUTHENTICATED');
    expect(await ws.closed).toBe(4403);
    await logLive(1);
    expect((await other.next()).data?.metricsLogged.runId).toBe(w.run);
    await other.close();
  });

  it('an expired token ends its stream', async () => {
    const token = await createToken('reader', Date.now() + 1500);
    const s = sse<MetricsData>(token.bearer, print(METRICS), { r: w.run });
    await s.ready;
    const last = await s.next(15_000);
    expect(last.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(last.errors?.[0]?.message).toBe('Token expired');
    await s.ended;
  });

  it('deleting a user ends its streams; another user’s stream goes on', async () => {
    await w.as(
      'admin',
      `mutation { createUser(input: { username: "leaver", password: "leaver-password" }) { __typename } }`,
    );
    const leaver = basic('leaver', 'leaver-password');
    const events = sse<{ runEvents: { kind: string } }>(
      leaver,
      `subscription($r: String) { runEvents(runId: $r) { kind } }`,
      { r: w.openRun },
    );
    expect((await events.next()).data?.runEvents.kind).toBe('SNAPSHOT');
    const other = sse<MetricsData>(w.auth.dflt, print(METRICS), { r: w.run });
    await other.ready;
    await w.as('admin', `mutation { deleteUser(input: { username: "leaver" }) { __typename } }`);
    expect(await endedWith(events)).toBe('UNAUTHENTICATED');
    await logLive(2);
    expect((await other.next()).data?.metricsLogged.runId).toBe(w.run);
    await other.close();
  });
});

describe('signOut', () => {
  it('revokes the token the request used: its stream ends and the token stops working', async () => {
    const token = await createToken('reader');
    const s = sse<MetricsData>(token.bearer, print(METRICS), { r: w.run });
    await s.ready;
    const out = await w.t.executeRaw<
      { signOut: { __typename: string; token?: { id: string } } },
      unknown
    >(
      `mutation { signOut { __typename ... on SignOutSuccess { token { id revokedAt } } } }`,
      undefined,
      { authorization: token.bearer },
    );
    expect(out.data?.signOut.token?.id).toBe(token.id);
    expect(await endedWith(s)).toBe('UNAUTHENTICATED');
    const again = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token.bearer },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(again.status).toBe(401);
    const withPassword = await w.as<{ signOut: { __typename: string } }>(
      'reader',
      `mutation { signOut { __typename } }`,
    );
    expect(withPassword.data?.signOut.__typename).toBe('ValidationError');
  });
});

describe('permission withdrawn', () => {
  const grant = (p: string) =>
    w.as(
      'admin',
      `mutation($e: String!, $p: Permission!) { setExperimentPermission(input: { experimentId: $e, username: "dflt", permission: $p }) { __typename } }`,
      { e: w.exp, p },
    );

  it('ends liveSeries and runEvents of the experiment; runEvents of all runs stops showing it', async () => {
    await grant('READ');
    const series = sse<{ liveSeries: { full: boolean } }>(
      w.auth.dflt,
      `subscription($r: [String!]!) { liveSeries(runIds: $r, key: "acc", buckets: 4) { full } }`,
      { r: [w.run] },
    );
    expect((await series.next()).data?.liveSeries.full).toBe(true);
    const ofExperiment = sse<unknown>(
      w.auth.dflt,
      `subscription($e: String) { runEvents(experimentId: $e) { runId } }`,
      { e: w.exp },
    );
    type E = { runEvents: { runId: string } };
    const all = sse<E>(w.auth.dflt, `subscription { runEvents { runId } }`);
    const unaffected = sse<E>(w.auth.reader, `subscription { runEvents { runId } }`);
    await Promise.all([ofExperiment.ready, all.ready, unaffected.ready]);
    await grant('NO_PERMISSIONS');
    expect(await endedWith(series)).toBe('PERMISSION_DENIED');
    expect(await endedWith(ofExperiment)).toBe('PERMISSION_DENIED');
    // a full re-check after the change: every stream of dflt has its new filter
    await w.t.app.authGate.streams.recheck();
    const rename = `mutation($r: String!, $n: String!) { updateRun(input: { runId: $r, runName: $n }) { __typename } }`;
    await w.as('admin', rename, { r: w.run, n: 'after-withdrawal' });
    await w.as('admin', rename, { r: w.openRun, n: 'open-after-withdrawal' });
    expect((await all.next()).data?.runEvents.runId).toBe(w.openRun);
    expect((await unaffected.next()).data?.runEvents.runId).toBe(w.run);
    expect((await unaffected.next()).data?.runEvents.runId).toBe(w.openRun);
    await Promise.all([all.close(), unaffected.close()]);
    await w.as(
      'admin',
      `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename } }`,
      { e: w.exp },
    );
  });

  it('over WebSocket, ends only the subscription concerned: the socket and its other subscriptions go on', async () => {
    await grant('READ');
    const ws = await wsMetrics(w.auth.dflt);
    ws.socket.send(
      JSON.stringify({
        id: '2',
        type: 'subscribe',
        payload: { query: `subscription { runEvents(runId: "${w.openRun}") { kind } }` },
      }),
    );
    const of = (id: string) => ws.messages.filter((m) => (m as { id?: string }).id === id);
    // the snapshot of subscription 2 shows both subscriptions are running
    await waitFor(() => of('2').length === 1, 'snapshot of the open run');
    await grant('NO_PERMISSIONS');
    await waitFor(() => of('1').some((m) => m.type === 'complete'), 'subscription 1 completed');
    const [last] = of('1').filter((m) => m.type === 'next');
    expect(last?.payload).toMatchObject({
      errors: [{ extensions: { code: 'PERMISSION_DENIED' } }],
    });
    await w.as(
      'admin',
      `mutation($r: String!) { updateRun(input: { runId: $r, runName: "still-streaming" }) { __typename } }`,
      { r: w.openRun },
    );
    await waitFor(() => of('2').length === 2, 'subscription 2 goes on');
    expect(ws.socket.readyState).toBe(ws.socket.OPEN);
    ws.socket.close();
    await w.as(
      'admin',
      `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename } }`,
      { e: w.exp },
    );
  });

  it('reaches another instance on the same database: its stream ends and its cached grants go', async () => {
    const b: TestApp = await createTestApp({ shareDatabaseWith: w.t, config: authOn() });
    try {
      const bUrl = await b.listen();
      await grant('READ');
      const read = `query($r: String!) { run(runId: $r) { runId } }`;
      const asDflt = { authorization: w.auth.dflt };
      // warm B's cache of dflt's grants
      expect((await b.executeRaw(read, { r: w.run }, asDflt)).data).toEqual({
        run: { runId: w.run },
      });
      const s = sseSubscribe<MetricsData, Record<string, unknown>>(
        (u, init) =>
          fetch(u, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), ...asDflt },
          }),
        bUrl,
        METRICS,
        { r: w.run },
      );
      await waitFor(() => b.app.authGate.streams.size === 1, 'stream watched on B');
      await grant('NO_PERMISSIONS');
      expect(await endedWith(s)).toBe('PERMISSION_DENIED');
      // an unreadable run answers as a missing one: null
      expect((await b.executeRaw(read, { r: w.run }, asDflt)).data).toEqual({ run: null });
    } finally {
      await b.close();
      await w.as(
        'admin',
        `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename } }`,
        { e: w.exp },
      );
    }
  });
});

function print(doc: ReturnType<typeof parse>): string {
  return doc.loc?.source.body ?? '';
}

describe('cost of the permission checks', () => {
  const read = `query($r: String!) { run(runId: $r) { runId } }`;
  /** Statements one read runs as `authorization`. */
  async function statements(authorization: string): Promise<string[]> {
    w.t.sql.length = 0;
    const res = await w.t.executeRaw(read, { r: w.run }, { authorization });
    expect(res.data).toEqual({ run: { runId: w.run } });
    return [...w.t.sql];
  }

  it("a user's warm read runs no statement of its own for the checks; a grant change reads grants once", async () => {
    const token = await createToken('reader');
    const admin = await statements(w.auth.admin);
    await statements(token.bearer);
    // warm: the credential, the grants and the run's experiment are known
    expect(await statements(token.bearer)).toEqual(admin);
    await w.as(
      'admin',
      `mutation($e: String!) { setExperimentPermission(input: { experimentId: $e, username: "reader", permission: READ }) { __typename } }`,
      { e: w.open },
    );
    // open streams are re-checked after a change: let that finish so only the read is counted
    await w.t.app.authGate.streams.recheck();
    const after = await statements(token.bearer);
    expect(after.length).toBe(admin.length + 1);
    expect(after.some((s) => s.includes('experiment_permissions'))).toBe(true);
    expect(await statements(token.bearer)).toEqual(admin);
  });
});
