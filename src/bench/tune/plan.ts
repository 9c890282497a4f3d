/**
 * Which settings `sonde tune` measures. Pure, so the choice is tested.
 */

/**
 * Worker counts from 0 (in-process) to the cores: 0, then 2, 4, 8, … and the
 * core count itself. One worker is left out: it only moves the analysis off
 * the main thread and was never faster (parallel/auto.ts). More workers than
 * cores are left out: parsing is CPU-bound, so they add memory, not speed.
 */
export function workerCandidates(cores: number): number[] {
  const out = [0];
  for (let workers = 2; workers < cores; workers *= 2) out.push(workers);
  if (cores >= 2) out.push(cores);
  return out;
}

/** The name a setting is shown and measured under. */
export function armName(workers: number): string {
  return workers === 0 ? 'sequential' : `parallel:${workers}`;
}

/** The warm-cache setting's name. */
export const WARM_CACHE = 'cache:warm';
