/**
 * One table of flags per command, from which both the parser's options and
 * the option sections of `--help` are made (as ESLint's optionator table), so
 * a flag cannot exist without its help line, nor a help line without its flag.
 * Usage lines, exit codes, examples and environment stay literal text beside
 * the table in the command's module.
 */
import { padEnd, wrap } from '../text/index.js';

import type { Flag } from './flag-options.js';

// The parser's half lives in flag-options.ts, so parsing argv never loads the text-width
// modules (string-width builds an Intl.Segmenter at load: ~20–40 ms of a warm scan).
export { parseOptions, type Flag, type ParseOptionsOf } from './flag-options.js';

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

