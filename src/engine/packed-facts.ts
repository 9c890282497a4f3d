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

/**
 * A FileResult whose `facts` unpacks on each read. An own enumerable getter,
 * not a class, so JSON.stringify and structuredClone see the same plain
 * object, same key order, as an unpacked one.
 */
export function fileResult(
  base: { readonly path: string; readonly size: number; readonly hash: string },
  held: HeldFacts | null,
  error: FileResult['error'],
  cached: boolean,
  spill?: FactsSpill,
): FileResult {
  if (held !== null && isSlot(held)) {
    return {
      path: base.path,
      size: base.size,
      hash: base.hash,
      get facts(): FileFacts {
        return spill!.get(held);
      },
      error,
      cached,
    };
  }
  if (typeof held !== 'string') return { path: base.path, size: base.size, hash: base.hash, facts: held, error, cached };
  return {
    path: base.path,
    size: base.size,
    hash: base.hash,
    get facts(): FileFacts {
      return JSON.parse(held) as FileFacts;
    },
    error,
    cached,
  };
}
