import { describe, expect, it } from 'vitest';
import {
  MetricValueColumnScalar,
  NullableMetricValueColumnScalar,
  SafeIntColumnScalar,
} from '../../server/shared/scalars.ts';

describe('column scalars', () => {
  it('SafeIntColumn passes a list of safe integers through as the same array', () => {
    const list = [0, -(2 ** 53 - 1), 2 ** 53 - 1, 7];
    expect(SafeIntColumnScalar.serialize(list)).toBe(list);
    expect(SafeIntColumnScalar.serialize([])).toEqual([]);
  });

  it('SafeIntColumn refuses a non-list, a fraction, an unsafe integer or a null', () => {
    expect(() => SafeIntColumnScalar.serialize(3)).toThrow(/must be a list/);
    expect(() => SafeIntColumnScalar.serialize([1, 1.5])).toThrow(/holds 1.5/);
    expect(() => SafeIntColumnScalar.serialize([2 ** 53])).toThrow(/holds/);
    expect(() => SafeIntColumnScalar.serialize([null])).toThrow(/holds null/);
  });

  it('MetricValueColumn writes NaN and ±Infinity as strings and keeps finite lists as they are', () => {
    const finite = [0.1, -2, 1e300];
    expect(MetricValueColumnScalar.serialize(finite)).toBe(finite);
    expect(
      MetricValueColumnScalar.serialize([1, Number.NaN, Number.POSITIVE_INFINITY, -Infinity]),
    ).toEqual([1, 'NaN', 'Infinity', '-Infinity']);
    expect(() => MetricValueColumnScalar.serialize([1, null])).toThrow(/holds null/);
    expect(() => MetricValueColumnScalar.serialize(['1'])).toThrow(/holds "1"/);
  });

  it('NullableMetricValueColumn keeps nulls', () => {
    expect(NullableMetricValueColumnScalar.serialize([null, 2, Number.NaN])).toEqual([
      null,
      2,
      'NaN',
    ]);
  });

  it('columns are output only', () => {
    expect(() => SafeIntColumnScalar.parseValue([1])).toThrow(/output type/);
    expect(() => MetricValueColumnScalar.parseValue([1])).toThrow(/output type/);
  });
});
