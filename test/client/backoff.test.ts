import { backoffDelay, retry } from '@trackql/client';
import { ArtifactError, TrackingError } from '@trackql/node';
import { describe, expect, it } from 'vitest';

describe('backoff', () => {
  it('draws full-jitter delays between 0 and the doubling cap', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const cap = Math.min(1000, 10 * 2 ** attempt);
      const delays = Array.from({ length: 200 }, () => backoffDelay(attempt, 10, 1000));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(cap);
      // full jitter: delays well below half the cap occur (equal jitter never goes below cap/2)
      expect(delays.some((d) => d < cap / 4)).toBe(true);
    }
  });

  it('retries transient failures only, and wraps foreign errors as network TrackingErrors', async () => {
    const opts = { retries: 4, baseMs: 1, maxMs: 2 };
    let calls = 0;
    const ok = await retry(async () => {
      calls++;
      if (calls < 3) throw new TypeError('fetch failed');
      return 'done';
    }, opts);
    expect([ok, calls]).toEqual(['done', 3]);

    const permanent = [
      new TrackingError('domain', 'no such run', { code: 'RESOURCE_DOES_NOT_EXIST' }),
      new TrackingError('graphql', 'bad document', { status: 400 }),
      new TrackingError('network', 'forbidden', { status: 403 }),
      new ArtifactError(404, 'RESOURCE_DOES_NOT_EXIST', 'no file'),
    ];
    for (const error of permanent) {
      calls = 0;
      await expect(
        retry(async () => {
          calls++;
          throw error;
        }, opts),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }

    const retried: number[] = [];
    calls = 0;
    const last = await retry(
      async () => {
        calls++;
        throw new ArtifactError(503, 'HTTP_ERROR', 'unavailable');
      },
      { ...opts, onRetry: (_, n) => retried.push(n) },
    ).catch((e: unknown) => e);
    expect(last).toBeInstanceOf(ArtifactError);
    expect(last).toMatchObject({ kind: 'network', status: 503 });
    expect([calls, retried]).toEqual([5, [1, 2, 3, 4]]);
    const wrapped = await retry(
      async () => {
        throw 'boom';
      },
      { ...opts, retries: 0 },
    ).catch((e: unknown) => e);
    expect(wrapped).toBeInstanceOf(TrackingError);
    expect(wrapped).toMatchObject({ kind: 'network' });
  });
});
