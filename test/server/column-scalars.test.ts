import { describe, expect, it } from 'vitest';
import {
  MetricValueColumnScalar,
  NullableMetricValueColumnScalar,
  SafeIntColumnScalar,
  StepColumnScalar,
} from '../../server/shared/column-scalars.ts';

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

  it('columns parse input in one loop: the same array when every element is already valid', () => {
    const values = [0.5, -2, 1e300];
    expect(MetricValueColumnScalar.parseValue(values)).toBe(values);
    const steps = [0, -(2 ** 53 - 1), 2 ** 53 - 1];
    expect(StepColumnScalar.parseValue(steps)).toBe(steps);
    const timestamps = [0, 1_700_000_000_000];
    expect(SafeIntColumnScalar.parseValue(timestamps)).toBe(timestamps);
  });

  it('columns decode the strings their element scalars accept, on a copy', () => {
    const values = [1, 'NaN', 'Infinity', '-Infinity'];
    expect(MetricValueColumnScalar.parseValue(values)).toEqual([1, NaN, Infinity, -Infinity]);
    expect(values).toEqual([1, 'NaN', 'Infinity', '-Infinity']);
    expect(StepColumnScalar.parseValue([1, '9223372036854775807', '-12'])).toEqual([
      1,
      2n ** 63n - 1n,
      -12,
    ]);
    expect(SafeIntColumnScalar.parseValue(['17', 3])).toEqual([17, 3]);
    // a single value is a list of one, as graphql-js coerces list inputs
    expect(StepColumnScalar.parseValue(5)).toEqual([5]);
  });

  it("columns refuse a bad element with the element scalar's message and its index", () => {
    expect(() => MetricValueColumnScalar.parseValue([1, 'nan'])).toThrow(
      /^MetricValue must be a finite number .*; got "nan" \(item 1\)$/,
    );
    expect(() => MetricValueColumnScalar.parseValue([1, null])).toThrow(/MetricValue.*item 1/);
    expect(() => StepColumnScalar.parseValue([0, 0, 2 ** 53])).toThrow(
      /^Step must be an integer .*; got 9007199254740992 \(item 2\)$/,
    );
    expect(() => SafeIntColumnScalar.parseValue([1.5])).toThrow(/^SafeInt must be .*\(item 0\)$/);
    expect(() => NullableMetricValueColumnScalar.parseValue([1])).toThrow(/output type/);
  });
});
