/**
 * Under `--max-memory`, a full garbage collection whenever the process's
 * resident memory nears the budget. V8 sizes its heap from what survived the
 * last full collection and lets garbage pile up to a multiple of that before
 * the next one: on a scan, whose garbage is most of what it allocates (parsed
 * facts, report pieces), that multiple is what breaks a budget, not the data
 * the scan holds. Called between batches and between report pieces, so a
 * collection costs at most one per interval.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface MemoryGuard {
  /** Collects garbage if resident memory is over the guard's threshold (and it has not just done so). */
  check(): void;
}

/** Collect once resident memory passes this share of the budget… */
const THRESHOLD = 0.75;
/** …and, after a collection, once it has grown this share of the way from there to the budget (else a scan whose live data sits near the threshold would collect on every check)… */
const REGROWTH = 0.5;
/** …at most this often. */
const MIN_INTERVAL_MS = 200;

const NO_GUARD: MemoryGuard = { check() {} };

let fullGc: (() => void) | undefined;

/** `gc()`, without starting Node with --expose-gc: the flag set now applies to contexts created after it. */
function collector(): () => void {
  if (!fullGc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) {
      fullGc = exposed;
    } else {
      v8.setFlagsFromString('--expose-gc');
      fullGc = vm.runInNewContext('gc') as () => void;
    }
  }
  return fullGc;
}

/** Without a budget, a large scan collects once resident memory passes this… */
const LARGE_SCAN_FLOOR = 256 * 1024 * 1024;
/** …or this multiple of what was left after the last collection, whichever is more. */
const LARGE_SCAN_GROWTH = 1.3;

/**
 * How far V8 lets its heap grow past what survived a full collection before
 * the next one, on a large or budgeted scan: 1 + this/100, the guard's own
 * factor. V8 picks that factor itself, from 1.1 up to 4, from how fast its
 * collector runs against the program: on a busy machine, where the collector
 * is slow, it goes to 4, and a 100,000-file scan whose live heap stayed under
 * 100 MB peaked at 653 MB resident while analyzing (532 MB on a quiet run;
 * the guard, which sees only resident memory, V8 keeping the pages it grew,
 * never fired). Fixed, the peak no longer depends on the machine's load.
 */
const HEAP_GROWING_PERCENT = Math.round((LARGE_SCAN_GROWTH - 1) * 100);

let heapGrowthBounded = false;

/**
 * For the rest of the process: set once, by the first guard that needs it (a
 * process that scans 100,000 files once is ready for it again). V8 applies the
 * factor from its next full collection on, so one runs now: else the limit set
 * by the last one (during discovery, at up to 4×) let the read phase pile up
 * ~150 MB of garbage on a 100,000-file scan, its early peak.
 */
function boundHeapGrowth(): void {
  if (heapGrowthBounded) return;
  heapGrowthBounded = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  collector()();
}

/**
 * A guard for `budget` bytes. Without one, a `large` scan still gets a guard
 * that keeps resident memory within ~1.3× of what survives a collection (V8 alone let a
 * 100,000-file report phase reach 3× on garbage); a small scan gets none.
 * Either bounds V8's own heap growth to that factor too (boundHeapGrowth).
 */
export function createMemoryGuard(budget: number | undefined, large = false): MemoryGuard {
  if (budget !== undefined || large) boundHeapGrowth();
  if (budget === undefined) {
    return large ? guardFrom(LARGE_SCAN_FLOOR, (after) => Math.max(LARGE_SCAN_FLOOR, after * LARGE_SCAN_GROWTH)) : NO_GUARD;
  }
  return guardFrom(budget * THRESHOLD, (after) => Math.max(budget * THRESHOLD, after + (budget - after) * REGROWTH));
}

/** Collects once resident memory reaches the trigger (at most every MIN_INTERVAL_MS); `next` sets the trigger from what a collection left. */
function guardFrom(firstTrigger: number, next: (rssAfter: number) => number): MemoryGuard {
  let trigger = firstTrigger;
  let last = Number.NEGATIVE_INFINITY;
  return {
    check() {
      if (process.memoryUsage.rss() < trigger) return;
      if (performance.now() - last < MIN_INTERVAL_MS) return;
      collector()();
      last = performance.now();
      trigger = next(process.memoryUsage.rss());
    },
  };
}

/** `chunks`, checking the guard every `every` of them (the report phase). */
export function* guardedChunks(chunks: Iterable<string>, guard: MemoryGuard, every = 64): Generator<string> {
  let count = 0;
  for (const chunk of chunks) {
    yield chunk;
    if (++count % every === 0) guard.check();
  }
}
