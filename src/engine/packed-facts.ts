/**
 * Facts held as their JSON text until someone reads them. A file's facts as
 * objects cost ~7 KB of heap (one object per function, import, export…), as
 * text ~2 KB: on a 100,000-file scan that is the difference between 700 MB
 * and 200 MB held from the analysis to the report. Each read parses afresh
 * and the objects die young; the passes that read facts (the graph, the rules,
 * the reporters) each hold one file's at a time.
 *
 * Only large scans pack: parsing costs ~10 µs a file a pass, which a small
 * (or warm) scan would pay for nothing.
 */
import type { FileFacts, FileResult } from '../types.js';
import type { FactsSpill, SpillSlot } from './facts-spill.js';

/** Scans with at least this many files hold their facts packed. */
export const PACK_FROM_FILES = 5000;

/** Facts as a holder keeps them: objects, their JSON text, or where they are in the spill file (facts-spill.ts). */
export type HeldFacts = FileFacts | string | SpillSlot;

const isSlot = (held: HeldFacts): held is SpillSlot => typeof held === 'object' && 'offset' in held;

export function packFacts(facts: FileFacts): string {
  return JSON.stringify(facts);
}

/** Where a holder keeps its packed facts and the spill they are in: symbol keys, not enumerable, so no copy, clone or report sees them. */
const HELD = Symbol('sonde.heldFacts');
const SPILL = Symbol('sonde.factsSpill');

interface Holder {
  readonly [HELD]: string | SpillSlot;
  readonly [SPILL]: FactsSpill | undefined;
}

/** The one `facts` getter of every holder (see fileResult). */
function unpackFacts(this: Holder): FileFacts {
  const held = this[HELD];
  return typeof held === 'string' ? (JSON.parse(held) as FileFacts) : this[SPILL]!.get(held);
}

const FACTS_GETTER: PropertyDescriptor = { get: unpackFacts, enumerable: true, configurable: true };

/**
 * A FileResult whose `facts` unpacks on each read. An own enumerable getter,
 * not a class, so JSON.stringify and structuredClone see the same plain
 * object, same key order, as an unpacked one. One getter function for all
 * holders, reading what it unpacks from the holder itself: a getter made per
 * file (a closure) gave every holder its own hidden class, and V8 then kept
 * each one's properties as a dictionary, ~500 bytes a file (50 MB on a
 * 100,000-file scan, held to the end of the report); shared, they are one
 * hidden class, ~120 bytes a file.
 */
export function fileResult(
  base: { readonly path: string; readonly size: number; readonly hash: string },
  held: HeldFacts | null,
  error: FileResult['error'],
  cached: boolean,
  spill?: FactsSpill,
): FileResult {
  if (held === null || !(typeof held === 'string' || isSlot(held))) {
    return { path: base.path, size: base.size, hash: base.hash, facts: held, error, cached };
  }
  // Properties in the order of a plain FileResult, always the same ones: every holder shares one hidden class.
  const holder: Record<string | symbol, unknown> = { path: base.path, size: base.size, hash: base.hash };
  Object.defineProperty(holder, 'facts', FACTS_GETTER);
  holder.error = error;
  holder.cached = cached;
  Object.defineProperty(holder, HELD, { value: held });
  Object.defineProperty(holder, SPILL, { value: typeof held === 'string' ? undefined : spill });
  return holder as unknown as FileResult;
}
