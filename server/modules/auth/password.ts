import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost: N = 2^15, r = 8, p = 3 (32 MiB per hash), OWASP's recommended floor for scrypt.
 * The parameters are stored with each hash, so raising them later leaves old hashes verifiable.
 */
/** scrypt cost parameters: N = 2^logN, block size r, parallelism p. */
export interface KdfCost {
  logN: number;
  r: number;
  p: number;
}

/** The production cost (see above). */
export const DEFAULT_KDF_COST: KdfCost = { logN: 15, r: 8, p: 3 };
const KEY_LEN = 32;
const SALT_LEN = 16;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number) {
  const N = 2 ** logN;
  return new Promise<Buffer>((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; allow twice that so Node's default cap never refuses it
    scrypt(password, salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt (memory-hard) and a random salt.
 *
 * @returns `scrypt$<logN>$<r>$<p>$<salt base64>$<hash base64>`
 * @remarks Runs on libuv's thread pool: the event loop stays free while it works (~0.1-0.3 s).
 */
export async function hashPassword(
  password: string,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, cost.logN, cost.r, cost.p);
  return [
    'scrypt',
    cost.logN,
    cost.r,
    cost.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** Checks `password` against a hash made by {@link hashPassword}, in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return false;
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const key = await derive(password, Buffer.from(parts[4] ?? '', 'base64'), logN, r, p);
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** Prefix of every API token, so leaked tokens are easy to recognise (secret scanners). */
export const TOKEN_PREFIX = 'tql_';

/** A new API token: its public id, the secret shown once, and the hash that is stored. */
export function newApiToken(): { id: string; secret: string; hash: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { id: randomBytes(16).toString('hex'), secret, hash: hashToken(secret) };
}

/**
 * SHA-256 of a token secret (hex).
 *
 * @remarks A fast hash is right here: the secret has 256 random bits, so there is nothing to
 * guess offline, unlike a password.
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
