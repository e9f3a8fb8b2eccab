/** A seeded pseudo-random generator (LCG) in [0, 1): the same data on every run of a test. */
export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
