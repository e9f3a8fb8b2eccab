import { describe, expect, it } from 'vitest';
import { decodeMetrics, retryKey } from '../../server/modules/mlflow-rest/log-batch.rest.ts';
import { exactLongs } from '../../server/modules/mlflow-rest/rest-body.ts';

const m = (key: string, value: number | string, timestamp: number, step?: number, extra = {}) => ({
  key,
  value,
  timestamp,
  ...(step === undefined ? {} : { step }),
  ...extra,
});

/** Every distinct point of the decoded series, as `key/model/dataset value ts step` lines. */
function points(raw: unknown[]): string[] {
  return decodeMetrics(raw).flatMap((s) =>
    s.values.map(
      (v, i) =>
        `${s.key}/${s.modelId ?? ''}/${s.datasetName ?? ''} ${v} ${s.timestamps![i]} ${s.steps![i]}`,
    ),
  );
}

describe('REST log-batch decoding', () => {
  it('drops exact duplicates anywhere in a batch, ascending or not', () => {
    expect(
      points([
        m('a', 1, 10, 1),
        m('a', 2, 10, 1), // same step and time, other value: kept
        m('b', 5, 9, 0),
        m('a', 1, 10, 1), // duplicate of the first, after another key
        m('a', 3, 5, 0), // going back in step: kept
        m('a', 3, 5, 0), // duplicate of the one before
        m('a', 'NaN', 11, 2),
        m('a', 'NaN', 11, 2), // NaN repeats too
        m('b', 5, 9), // step defaults to 0: duplicate
      ]),
    ).toEqual(['a// 1 10 1', 'a// 2 10 1', 'a// 3 5 0', 'a// NaN 11 2', 'b// 5 9 0']);
  });

  it('keeps points of one key apart per model and dataset', () => {
    expect(
      points([
        m('a', 1, 10, 1),
        m('a', 1, 10, 1, { model_id: 'm-1' }),
        m('a', 1, 10, 1, { dataset_name: 'd', dataset_digest: 'x' }),
        m('a', 1, 10, 1, { model_id: 'm-1' }),
      ]),
    ).toEqual(['a// 1 10 1', 'a/m-1/ 1 10 1', 'a//d 1 10 1']);
  });

  it('gives a retry the same key and other points another one', () => {
    const batch = [m('a', 1, 10, 1), m('b', 2, 10, 1), m('a', 3, 11, 2)];
    const key = retryKey('r1', decodeMetrics(batch));
    expect(key).toMatch(/^mlflow-rest:/);
    expect(retryKey('r1', decodeMetrics(structuredClone(batch)))).toBe(key);
    // a duplicate point inside the batch changes nothing
    expect(retryKey('r1', decodeMetrics([...batch, m('a', 1, 10, 1)]))).toBe(key);
    expect(retryKey('r2', decodeMetrics(batch))).not.toBe(key);
    expect(retryKey('r1', decodeMetrics([m('a', 1, 10, 1), m('b', 2, 10, 1)]))).not.toBe(key);
    expect(
      retryKey('r1', decodeMetrics([m('a', 1, 10, 1), m('b', 2, 10, 2), m('a', 3, 11, 2)])),
    ).not.toBe(key);
    expect(retryKey('r1', [])).toBeNull();
  });

  it('names the bad field', () => {
    expect(() => decodeMetrics([m('a', 1, 10, 1), { key: 'a', value: 'x', timestamp: 1 }])).toThrow(
      /metrics\[1\]\.value/,
    );
    expect(() => decodeMetrics([{ value: 1, timestamp: 1 }])).toThrow(/metrics\[0\]\.key/);
  });
  it('quotes only integer literals too long for a double, leaving ordinary bodies as they are', () => {
    const ordinary =
      '{"value":0.8414709848078965,"t":1733570000000,"v":1.2345678901234567e+20,"w":1e-1234567890123456}';
    expect(exactLongs(ordinary)).toBe(ordinary);
    expect(
      exactLongs('{"s":9223372036854775807,"n":-9223372036854775807,"x":[-1234567890123456]}'),
    ).toBe('{"s":"9223372036854775807","n":"-9223372036854775807","x":["-1234567890123456"]}');
    // inside strings and in fractions: untouched
    const kept = '{"id":"12345678901234567890","v":12345678901234567.5}';
    expect(exactLongs(kept)).toBe(kept);
  });
});
