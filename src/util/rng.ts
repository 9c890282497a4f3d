/**
 * A small seeded PRNG. Benchmarks and the synthetic generator need runs that
 * repeat bit for bit, which Math.random cannot give.
 */

/** mulberry32: 32-bit state, passes SmallCrush, fast; returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
