/**
 * Benchmark strategies: parsing `--strategies` names into a typed plan and
 * turning each into the scan flags its child process gets.
 */
import { UserError } from '../errors.js';

/** One scan strategy to measure, discriminated on `kind`. */
export type StrategySpec =
  | { readonly kind: 'sequential'; readonly name: string }
  | { readonly kind: 'parallel'; readonly name: string; readonly workers: number }
  | { readonly kind: 'cache'; readonly name: string; readonly mode: 'cold' | 'warm' }
  | { readonly kind: 'partial'; readonly name: string; readonly percent: number };

const DEFAULT_PARTIAL_PERCENT = 10;

/** The default set for `sonde bench`: sequential, parallel at the core count, a cold and a warm cache. */
export function defaultStrategies(cores: number): string[] {
  return ['sequential', `parallel:${Math.max(2, Math.min(cores, 8))}`, 'cache:cold', 'cache:warm'];
}

function positiveInt(text: string, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UserError('BENCH_BAD_STRATEGY', `${what} must be a positive integer, got '${text}'.`);
  }
  return Number(text);
}

/** Parses one strategy name; `parallel:sweep` expands to parallel:1 … parallel:2×cores. */
function parseStrategy(name: string, cores: number): StrategySpec[] {
  const parts = name.trim().split(':');
  const [head, arg, extra] = parts;
  const bad = (): never => {
    throw new UserError(
      'BENCH_BAD_STRATEGY',
      `Unknown strategy '${name}'.`,
      'Use sequential, parallel:N, parallel:sweep, cache:cold, cache:warm or cache:partial:P.',
    );
  };
  if (head === 'sequential' && parts.length === 1) return [{ kind: 'sequential', name: 'sequential' }];
  if (head === 'parallel' && parts.length === 2) {
    if (arg === 'sweep') {
      const max = Math.max(2, 2 * cores);
      return Array.from({ length: max }, (_, i) => ({ kind: 'parallel', name: `parallel:${i + 1}`, workers: i + 1 }));
    }
    const workers = positiveInt(arg ?? '', 'The worker count of parallel:N');
    return [{ kind: 'parallel', name: `parallel:${workers}`, workers }];
  }
  if (head === 'cache' && (arg === 'cold' || arg === 'warm') && parts.length === 2) {
    return [{ kind: 'cache', name: `cache:${arg}`, mode: arg }];
  }
  if (head === 'cache' && arg === 'partial' && parts.length <= 3) {
    const percent = extra === undefined ? DEFAULT_PARTIAL_PERCENT : Number(extra);
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
      throw new UserError('BENCH_BAD_STRATEGY', `cache:partial:P needs 0 < P ≤ 100, got '${extra}'.`);
    }
    return [{ kind: 'partial', name: `cache:partial:${percent}`, percent }];
  }
  return bad();
}

/** Parses a comma-separated list, expanding sweeps and dropping duplicates (first one wins). */
export function parseStrategies(list: string | readonly string[], cores: number): StrategySpec[] {
  const names = (typeof list === 'string' ? list.split(',') : list).map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UserError('BENCH_BAD_STRATEGY', 'No strategy given.');
  const seen = new Set<string>();
  const out: StrategySpec[] = [];
  for (const spec of names.flatMap((n) => parseStrategy(n, cores))) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    out.push(spec);
  }
  return out;
}

/** True for strategies whose measured runs need a cache primed beforehand. */
export function needsPrimedCache(spec: StrategySpec): boolean {
  return (spec.kind === 'cache' && spec.mode === 'warm') || spec.kind === 'partial';
}

/** True for the strategy whose every run starts with no sonde state at all (cache:cold). */
export function startsEmpty(spec: StrategySpec): boolean {
  return spec.kind === 'cache' && spec.mode === 'cold';
}

/** True for strategies that scan a temporary copy of the tree instead of the tree itself. */
export function needsTreeCopy(spec: StrategySpec): boolean {
  return spec.kind === 'partial';
}

/**
 * The scan flags for one run. Cache strategies scan in-process (`--parallel 0`)
 * so that the cache's effect is measured against `sequential` alone. The
 * child's private cache folder (code cache) is set by the runner
 * (measure.ts): fresh per run for cache:cold, one per strategy otherwise;
 * `sequential` and `parallel:N` run with `--no-cache`, which uses neither.
 */
export function scanArgs(spec: StrategySpec, cacheLocation: string | null): string[] {
  const parallel = spec.kind === 'parallel' ? String(spec.workers) : '0';
  // No progress lines: the child's stderr is only read when it fails.
  const args = ['--parallel', parallel, '--progress', 'none'];
  if (spec.kind === 'cache' || spec.kind === 'partial') {
    if (cacheLocation === null) throw new Error(`strategy ${spec.name} needs a cache location`);
    args.push('--cache', '--cache-location', cacheLocation);
  } else {
    // A config file's "cache": true must neither speed these up nor write into the user's tree.
    args.push('--no-cache');
  }
  return args;
}
