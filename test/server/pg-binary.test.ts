import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installTypeParsers } from '../../server/shared/db.ts';
import {
  float8Array,
  int4Array,
  int8Array,
  int8DecimalArray,
  jsonbArray,
  textArray,
} from '../../server/shared/pg-arrays.ts';

/** The binary array parameters PostgreSQL reads with array_recv, checked against its own text output. */
describe('binary array parameters', () => {
  const client = new pg.Client({ connectionString: inject('baseUrl') });
  beforeAll(async () => {
    await installTypeParsers();
    await client.connect();
  });
  afterAll(() => client.end());

  const ints = [
    0,
    1,
    -1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    -(2 ** 32),
    2 ** 53 - 1,
    -(2 ** 53 - 1),
  ];

  it('int8[] keeps every safe integer, sign and both 32-bit halves', async () => {
    const { rows } = await client.query(
      'select $1::int8[]::text as t, array_send($1::int8[]) as b',
      [int8Array(ints)],
    );
    expect(rows[0].t).toBe(`{${ints.join(',')}}`);
    expect(readInt8Array(rows[0].b)).toEqual(ints);
  });

  it('float8[] keeps NaN, ±Infinity, -0, subnormals and nulls', async () => {
    const floats = [
      0.1,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      5e-324,
    ];
    const { rows } = await client.query(
      'select array_send($1::float8[]) as b, $2::float8[]::text as nulls',
      [float8Array(floats), float8Array([1.5, null, -2])],
    );
    const back = readFloat8Array(rows[0].b);
    expect(back.map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(
      floats.map((v) => (Object.is(v, -0) ? '-0' : String(v))),
    );
    expect(rows[0].nulls).toBe('{1.5,NULL,-2}');
  });

  it('int4[] and empty arrays', async () => {
    const { rows } = await client.query(
      'select $1::int[]::text as a, cardinality($2::int8[]) as e, cardinality($3::float8[]) as f',
      [int4Array([3, -7, 2 ** 31 - 1]), int8Array([]), float8Array([])],
    );
    expect(rows[0]).toEqual({ a: `{3,-7,${2 ** 31 - 1}}`, e: 0, f: 0 });
  });

  it('a parameter of the wrong element type is refused, not misread', async () => {
    await expect(client.query('select $1::int8[]', [float8Array([1])])).rejects.toThrow(
      /element type 701 .* instead of expected 20/,
    );
  });

  it('text[], jsonb[] and decimal int8[] keep UTF-8, quotes, nulls and the int64 range', async () => {
    const texts = ['plain', 'a "quoted", {braced} \\ text', 'ünïcödé ✓ 𝄞', '', null, 'NULL'];
    const decimals = [
      '9223372036854775807',
      '-9223372036854775808',
      '0',
      null,
      '1700000000000000000',
    ];
    const { rows } = await client.query(
      `select $1::text[] = $2::text[] as same, ($3::jsonb[])[2] ->> 'k' as k,
         $3::jsonb[]::text as j, $4::int8[]::text as i, cardinality($5::text[]) as e`,
      [
        textArray(texts),
        texts,
        jsonbArray(['{"a":[1,2.5,null]}', '{"k":"ü \\"q\\""}']),
        int8DecimalArray(decimals),
        textArray([]),
      ],
    );
    expect(rows[0]).toEqual({
      same: true,
      k: 'ü "q"',
      j: '{"{\\"a\\": [1, 2.5, null]}","{\\"k\\": \\"ü \\\\\\"q\\\\\\"\\"}"}',
      i: '{9223372036854775807,-9223372036854775808,0,NULL,1700000000000000000}',
      e: 0,
    });
  });
});

// Decoders of PostgreSQL's binary array output (`array_send`), to read back what the encoders sent.

function header(buf: Buffer): { n: number; offset: number } {
  const ndim = buf.readInt32BE(0);
  if (ndim === 0) return { n: 0, offset: 12 };
  if (ndim !== 1) throw new Error(`expected a one-dimensional array, got ${ndim} dimensions`);
  return { n: buf.readInt32BE(12), offset: 20 };
}

/** Decodes a binary int8[] (values within ±2^53) into `out`, appending. */
function readInt8Array(buf: Buffer, out: number[] = []): number[] {
  const { n, offset } = header(buf);
  let at = offset;
  for (let i = 0; i < n; i++) {
    const hi = buf.readInt32BE(at + 4);
    const lo = buf.readUInt32BE(at + 8);
    out.push(hi * 4294967296 + lo);
    at += 12;
  }
  return out;
}

/** Decodes a binary float8[] into `out`, appending. */
function readFloat8Array(buf: Buffer, out: number[] = []): number[] {
  const { n, offset } = header(buf);
  let at = offset;
  for (let i = 0; i < n; i++) {
    out.push(buf.readDoubleBE(at + 4));
    at += 12;
  }
  return out;
}
