/**
 * One table of flags per command, from which both the parser's options and
 * the option sections of `--help` are made (as ESLint's optionator table), so
 * a flag cannot exist without its help line, nor a help line without its flag.
 * Usage lines, exit codes, examples and environment stay literal text beside
 * the table in the command's module.
 */
import { padEnd, wrap } from '../text/index.js';

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

/** Columns the help is laid out in: it reads the same in any terminal and in the README. */
const HELP_WIDTH = 100;
const INDENT = 2;
/** The flag column; a longer flag puts its description on the next line. */
const FLAG_COLUMN = 25;
const GAP = 2;

/** `-p, --parallel N|auto` (four spaces stand in for a missing short alias, so long names align). */
function flagLabel(flag: Flag): string {
  const alias = flag.short ? `-${flag.short}, ` : '    ';
  return `${alias}--${flag.name}${flag.type === 'string' ? ` ${flag.arg}` : ''}`;
}

function description(flag: Flag): string {
  const notes = [
    ...(flag.type === 'string' && flag.multiple ? ['repeatable'] : []),
    ...(flag.default !== undefined ? [`default: ${flag.default}`] : []),
  ];
  return notes.length ? `${flag.description} (${notes.join('; ')})` : flag.description;
}

/**
 * The help lines of the given flags (every flag of the table when `group` is
 * undefined): label, then the description wrapped at `width` in its own
 * column, which is the same for every group of the table.
 */
export function renderFlags(table: readonly Flag[], group?: string, width = HELP_WIDTH): string {
  const flags = group === undefined ? table : table.filter((flag) => flag.group === group);
  const column = Math.min(FLAG_COLUMN, Math.max(0, ...table.map((flag) => flagLabel(flag).length)));
  const labels = flags.map(flagLabel);
  const descriptionWidth = Math.max(20, width - INDENT - column - GAP);
  const margin = ' '.repeat(INDENT + column + GAP);
  const lines: string[] = [];
  flags.forEach((flag, index) => {
    const [first, ...rest] = wrap(description(flag), descriptionWidth);
    const label = labels[index];
    if (label.length > column) lines.push(`${' '.repeat(INDENT)}${label}`, `${margin}${first}`);
    else lines.push(`${' '.repeat(INDENT)}${padEnd(label, column)}${' '.repeat(GAP)}${first}`);
    for (const line of rest) lines.push(`${margin}${line}`);
  });
  return lines.join('\n');
}

