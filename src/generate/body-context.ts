/** What statement emitters need: the writer, the dice, the language and the names in scope. */
import type { Random } from './random.js';
import type { SourceWriter } from './source-writer.js';

export interface BodyContext {
  readonly w: SourceWriter;
  readonly rnd: Random;
  /** TypeScript syntax allowed (type annotations). */
  readonly ts: boolean;
  /** The file's item and options type names (TS only). */
  readonly itemType: string;
  readonly optionsType: string;
  /** Expressions that use other declarations: imported or local helper calls, constants, constructors. */
  readonly uses: string[];
  /** A fresh identifier, unique within the file, so no scope ever declares a name twice. */
  fresh(base: string): string;
  /** The loop variable of the innermost for-of, when there is one. */
  item?: string;
}

export function createFreshNames(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  };
}

/** `: type` in TS, nothing in JS. */
export function ann(ctx: BodyContext, type: string): string {
  return ctx.ts ? `: ${type}` : '';
}
