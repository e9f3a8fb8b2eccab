import { subscribeWs } from '../helpers/raw-ws-subscriber.ts';
import { benchDatabase, benchRun, gql, report, startBenchServer } from './harness.ts';

/**
 * Server memory with deliberately stalled subscribers while a run is written continuously (target:
 * flat). One WebSocket and one SSE subscriber stop reading; a healthy one keeps up. The duration is
 * BENCH_STALL_SECONDS (default 60; the figure is 300).
 */
const SECONDS = Number(process.env.BENCH_STALL_SECONDS ?? 60);
const POINTS = 1000;

const db = await benchDatabase();
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
try {
  const runId = await benchRun(server.url);
  const query =
    'subscription($r: String!) { metricsLogged(runId: $r) { seq metrics { key steps timestamps values } } }';
  let healthySeq = 0;
  const healthy = await subscribeWs(server.url, query, { r: runId }, (raw) => {
    const m = /"seq":(\d+)/.exec(raw.toString('utf8', 0, 200));
    if (m) healthySeq = Math.max(healthySeq, Number(m[1]));
  });
  const stalledMessages: string[] = [];
  const stalledWs = await subscribeWs(server.url, query, { r: runId }, (raw) => {
    stalledMessages.push(raw.toString('utf8', 0, 300));
  });
  stalledWs.stall();
  const stalledSse = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables: { r: runId } }),
  });

  const samples: { t: number; rssMiB: number }[] = [];
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let batches = 0;
  let step = 0;
  const sampler = setInterval(() => {
    samples.push({
      t: Math.round((performance.now() - started) / 1000),
      rssMiB: +server.rssMiB().toFixed(1),
    });
  }, 2000);
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (performance.now() < end) {
        const steps = Array.from({ length: POINTS }, () => step++);
        await gql(
          server.url,
          'mutation($i: LogBatchInput!) { logBatch(input: $i) { __typename } }',
          { i: { runId, metrics: [{ key: 'loss', steps, values: steps.map((s) => s / 7) }] } },
        );
        batches++;
      }
    }),
  );
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 1000));

  // let the stalled clients read what the server left them: they must end with SUBSCRIBER_LAGGED
  stalledWs.resume();
  const reader = stalledSse.body!.getReader();
  let sseTail = '';
  const readUntil = performance.now() + 5000;
  while (performance.now() < readUntil && !sseTail.includes('event: complete')) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), 500)),
    ]);
    if (!chunk || chunk.done) break;
    sseTail = (sseTail + new TextDecoder().decode(chunk.value)).slice(-2000);
  }
  const lagged = (s: string) => /SUBSCRIBER_LAGGED/.test(s);
  // the stalled socket first drains what the kernel buffered for it
  const wsUntil = performance.now() + 20_000;
  while (performance.now() < wsUntil && !stalledMessages.some(lagged) && !stalledWs.closed) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const half = samples.slice(Math.floor(samples.length / 2));
  const slope =
    half.length > 1
      ? ((half[half.length - 1]!.rssMiB - half[0]!.rssMiB) /
          (half[half.length - 1]!.t - half[0]!.t)) *
        60
      : 0;
  report({
    bench: 'subscription-stall',
    seconds: SECONDS,
    batches,
    points: batches * POINTS,
    healthySubscriberLastSeq: healthySeq,
    // graphql-ws pings every 12 s and drops a client that does not answer: a stalled socket held
    // longer than that is closed by the server before it can read its SUBSCRIBER_LAGGED error
    stalledWebSocketOutcome: stalledMessages.some(lagged)
      ? 'SUBSCRIBER_LAGGED'
      : stalledWs.closed
        ? 'closed by server keep-alive'
        : 'none',
    stalledWebSocketMessages: stalledMessages.length,
    stalledSseOutcome: lagged(sseTail) ? 'SUBSCRIBER_LAGGED' : 'none',
    rssMiB: {
      first: samples[0]?.rssMiB,
      max: Math.max(...samples.map((s) => s.rssMiB)),
      last: samples[samples.length - 1]?.rssMiB,
      secondHalfSlopePerMinute: +slope.toFixed(1),
    },
    samples: samples.map((s) => s.rssMiB),
  });
  healthy.close();
  stalledWs.close();
  await reader.cancel().catch(() => {});
} finally {
  await server.stop();
  await db.drop();
}
