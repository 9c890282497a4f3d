/**
 * A command's flag table as the parser needs it: the flag's shape and the
 * node:util `parseArgs` options made from it. The help's half (rendering) is
 * flag-table.ts, which also re-exports this module.
 */
interface FlagBase {
  /** The long name, without `--`. */
  readonly name: string;
  /** A one-letter alias, without `-`. */
  readonly short?: string;
  readonly description: string;
  /**
   * The default as the help shows it. Not given to the parser: an unset flag
   * stays undefined, so a config file can still supply the value.
   */
  readonly default?: string;
  /** The help section the flag is listed under; flags without one are listed together. */
  readonly group?: string;
}

/** A flag that is present or not. */
interface BooleanFlag extends FlagBase {
  readonly type: 'boolean';
}

/** A flag with a value, named in the help by `arg` (`N|auto`, `FILE`, …). */
interface StringFlag extends FlagBase {
  readonly type: 'string';
  readonly arg: string;
  /** May be given more than once; the values are collected in order. */
  readonly multiple?: boolean;
}

/** One command-line flag: how it parses and how `--help` shows it. */
export type Flag = BooleanFlag | StringFlag;

/** The `options` of node:util `parseArgs`, with the literal types it needs to type the parsed values. */
export type ParseOptionsOf<T extends readonly Flag[]> = {
  readonly [F in T[number] as F['name']]: {
    readonly type: F['type'];
    readonly multiple: F extends { readonly multiple: true } ? true : false;
    readonly short?: string;
  };
};

/** The table as node:util `parseArgs` options. */
export function parseOptions<const T extends readonly Flag[]>(table: T): ParseOptionsOf<T> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple: boolean; short?: string }> = {};
  for (const flag of table) {
    options[flag.name] = {
      type: flag.type,
      multiple: flag.type === 'string' && flag.multiple === true,
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  return options as unknown as ParseOptionsOf<T>;
}
