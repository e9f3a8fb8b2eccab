import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../server/shared/db.ts';
import { CopyBinaryReader, type CopyRow } from '../../server/shared/pg-binary.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let stream: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  const db = new Db(t.app.orm.em.fork());
  const chunks: Buffer[] = [];
  // rows with an int, a null and a bytea of growing length (0 to 300 bytes)
  await db.copyOut(
    `copy (select g::int4, nullif(g % 3, 0)::float8,
       (select coalesce(string_agg(float8send(x::float8), ''::bytea), ''::bytea) from generate_series(1, g * 3) x)
     from generate_series(0, 12) g) to stdout (format binary)`,
    (c) => chunks.push(c),
  );
  stream = Buffer.concat(chunks);
});
afterAll(() => t.close());

function parse(chunks: Buffer[]): CopyRow[] {
  const rows: CopyRow[] = [];
  const reader = new CopyBinaryReader((r) => rows.push(r.map((f) => (f ? Buffer.from(f) : f))));
  for (const c of chunks) reader.push(c);
  reader.end();
  return rows;
}

/** The rows as one string (fields in hex, `-` for null): comparing strings keeps the cut loop cheap. */
function digest(rows: CopyRow[]): string {
  return rows.map((r) => r.map((f) => (f ? f.toString('hex') : '-')).join('|')).join('\n');
}

describe('CopyBinaryReader', () => {
  it('reads the rows of a real binary COPY however the stream is cut', () => {
    const whole = parse([stream]);
    expect(whole).toHaveLength(13);
    expect(whole[4]![0]!.readInt32BE(0)).toBe(4);
    expect(whole[3]![1]).toBeNull();
    expect(whole[4]![1]!.readDoubleBE(0)).toBe(1);
    expect(whole[12]![2]!.length).toBe(12 * 3 * 8);
    expect(whole[12]![2]!.readDoubleBE(8 * 35)).toBe(36);
    const expected = digest(whole);
    for (let cut = 1; cut < stream.length; cut++) {
      const got = digest(parse([stream.subarray(0, cut), stream.subarray(cut)]));
      if (got !== expected) expect.fail(`rows differ when the stream is cut at byte ${cut}`);
    }
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < stream.length; at += size) chunks.push(stream.subarray(at, at + size));
      expect(digest(parse(chunks))).toBe(expected);
    }
  });

  it('rejects a failing COPY and leaves every pooled connection usable', async () => {
    const db = new Db(t.app.orm.em.fork());
    // more rounds than the test pool has connections, so a broken one would be reused
    for (let i = 0; i < 8; i++) {
      await expect(
        db.copyOut('copy (select 1 / 0) to stdout (format binary)', () => {}),
      ).rejects.toThrow(/division by zero/);
      expect(await db.query<{ x: number }>('select 1 as x')).toEqual([{ x: 1 }]);
    }
  });

  it('refuses a stream that stops before its trailer', () => {
    expect(() => parse([stream.subarray(0, stream.length - 2)])).toThrow(/ended inside/);
  });
});
