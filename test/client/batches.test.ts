import { describe, expect, it } from 'vitest';
import { BATCH_LIMITS, cutBatches } from '../../client/packages/node/src/fluent/batches.ts';
import { RunSink } from '../../client/packages/node/src/fluent/run-sink.ts';

const runId = 'a'.repeat(32);

function points(b: { metrics?: { values: unknown[] }[] | null }): number {
  return (b.metrics ?? []).reduce((n, s) => n + s.values.length, 0);
}

describe('cutBatches', () => {
  it('splits metrics, params and tags within the server limits and empties the sink', () => {
    const sink = new RunSink(runId);
    for (let i = 0; i < 2500; i++) sink.metric(i % 2 ? 'a' : 'b', i, i, 1000 + i);
    for (let i = 0; i < 150; i++) sink.param(`p${i}`, String(i));
    for (let i = 0; i < 120; i++) sink.tags.set(`t${i}`, 'v');
    const batches = cutBatches(sink, runId, 1000);
    for (const b of batches) {
      expect(points(b)).toBeLessThanOrEqual(BATCH_LIMITS.metrics);
      expect(b.params?.length ?? 0).toBeLessThanOrEqual(BATCH_LIMITS.params);
      expect(b.tags?.length ?? 0).toBeLessThanOrEqual(BATCH_LIMITS.tags);
      expect(b.runId).toBe(runId);
      // params and tags never share a batch with metrics
      if (points(b) > 0) expect(b.params ?? b.tags ?? null).toBeNull();
    }
    expect(batches.reduce((n, b) => n + points(b), 0)).toBe(2500);
    expect(batches.reduce((n, b) => n + (b.params?.length ?? 0), 0)).toBe(150);
    expect(batches.reduce((n, b) => n + (b.tags?.length ?? 0), 0)).toBe(120);
    const a = batches.flatMap((b) => b.metrics ?? []).filter((s) => s.key === 'a');
    expect(a.flatMap((s) => s.steps)).toEqual(Array.from({ length: 1250 }, (_, i) => 2 * i + 1));
    expect(sink.idle).toBe(true);
    expect(cutBatches(sink, runId, 1000)).toEqual([]);
  });

  it('encodes NaN and infinities and puts a changed param into a later batch', () => {
    const sink = new RunSink(runId);
    sink.metric('m', Number.NaN, 0, 1);
    sink.metric('m', Number.POSITIVE_INFINITY, 1, 1);
    sink.metric('m', Number.NEGATIVE_INFINITY, 2, 1);
    sink.metric('m', 0.5, 3, 1);
    sink.param('lr', '0.1');
    sink.param('lr', '0.1');
    sink.param('lr', '0.2');
    const batches = cutBatches(sink, runId, 1000);
    expect(batches.map((b) => b.params)).toEqual([
      [{ key: 'lr', value: '0.1' }],
      [{ key: 'lr', value: '0.2' }],
      null,
    ]);
    expect(batches[2]?.metrics?.[0]?.values).toEqual(['NaN', 'Infinity', '-Infinity', 0.5]);
  });

  it('honours a smaller batch size', () => {
    const sink = new RunSink(runId);
    for (let i = 0; i < 1000; i++) sink.metric('x', i, i, 0);
    expect(cutBatches(sink, runId, 300).map(points)).toEqual([300, 300, 300, 100]);
  });
});
