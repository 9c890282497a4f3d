/**
 * Parses argv against a command's flag table with sonde's own messages: an
 * unknown option gets a "did you mean", a missing or misplaced value names
 * the flag and what it expects. Node's parseArgs does the parsing; its
 * messages (with their stray quotes) never reach the user.
 */
import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import { closestMatch } from '../util/edit-distance.js';
import { parseOptions, type Flag, type ParseOptionsOf } from './flag-options.js';

/** How a parse error points the user onwards: the command's help. */
interface ParseContext {
  /** `sonde --help`, `sonde bench --help`, … */
  readonly helpCommand: string;
  /** Whether the command takes positional arguments (default true). */
  readonly positionals?: boolean;
}

/** A negative number is a value (`--parallel -1`, then rejected by the flag's own check), not an option. */
const NEGATIVE_NUMBER = /^-\d/;

function usageError(message: string, context: ParseContext, hint = true): UserError {
  return new UserError('INVALID_OPTION', message, hint ? `Run \`${context.helpCommand}\` for the list of options.` : undefined);
}

function unknownOption(token: string, table: readonly Flag[], context: ParseContext): UserError {
  const name = token.replace(/^-+/, '').split('=')[0];
  const suggestion = closestMatch(name, table.map((flag) => flag.name));
  return suggestion
    ? usageError(`Unknown option '${token.split('=')[0]}'. Did you mean '--${suggestion}'?`, context, false)
    : usageError(`Unknown option '${token.split('=')[0]}'.`, context);
}

function missingValue(flag: Flag & { type: 'string' }, next: string | undefined, context: ParseContext): UserError {
  const got = next === undefined ? '' : `, got the option '${next}'`;
  return usageError(`--${flag.name} needs a value (${flag.arg})${got}.`, context, false);
}

/**
 * Checks every token against the table and rewrites `--flag -1` to
 * `--flag=-1`, so parseArgs sees only what it accepts; throws a UserError for
 * anything else.
 */
function normalize(table: readonly Flag[], argv: readonly string[], context: ParseContext): string[] {
  const byName = new Map(table.map((flag) => [flag.name, flag]));
  const byShort = new Map(table.flatMap((flag) => (flag.short ? [[flag.short, flag] as const] : [])));
  const out: string[] = [];
  const takeValue = (flag: Flag & { type: 'string' }, index: number): number => {
    const next = argv[index + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next))) throw missingValue(flag, next, context);
    out.push(`--${flag.name}=${next}`);
    return index + 1;
  };
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    if (token === '--') {
      out.push(...argv.slice(index));
      break;
    }
    if (token.startsWith('--')) {
      const equals = token.indexOf('=');
      const flag = byName.get(token.slice(2, equals < 0 ? undefined : equals));
      if (!flag) throw unknownOption(token, table, context);
      if (flag.type === 'boolean' && equals >= 0) throw usageError(`--${flag.name} takes no value; drop '${token.slice(equals)}'.`, context, false);
      if (flag.type === 'string' && equals < 0) index = takeValue(flag, index);
      else out.push(token);
      continue;
    }
    if (token.startsWith('-') && token.length > 1 && !NEGATIVE_NUMBER.test(token)) {
      // A cluster of short aliases (`-hv`), the last of which may take the rest or the next token as its value.
      for (let at = 1; at < token.length; at++) {
        const flag = byShort.get(token[at]);
        if (!flag) {
          // `-parallel` is a long option with one dash missing.
          if (token.length > 2 && byName.has(token.slice(1).split('=')[0])) {
            throw usageError(`Unknown option '${token}'. Did you mean '-${token.split('=')[0]}'?`, context, false);
          }
          throw unknownOption(token.length > 2 ? token : `-${token[at]}`, table, context);
        }
        if (flag.type === 'boolean') {
          out.push(`--${flag.name}`);
          continue;
        }
        const rest = token.slice(at + 1);
        if (rest) out.push(`--${flag.name}=${rest}`);
        else index = takeValue(flag, index);
        break;
      }
      continue;
    }
    if (context.positionals === false) throw usageError(`Unexpected argument '${token}'.`, context);
    out.push(token);
  }
  return out;
}

/** What parseArgs returns for a table: values typed by the flags, and the positionals. */
type Parsed<T extends readonly Flag[]> = ReturnType<typeof parseArgs<{ args: string[]; options: ParseOptionsOf<T>; allowPositionals: true; strict: true }>>;

/** argv parsed against `table`; every mistake is a UserError of sonde's own. */
export function parseFlags<const T extends readonly Flag[]>(table: T, argv: readonly string[], context: ParseContext): Parsed<T> {
  const args = normalize(table, argv, context);
  try {
    return parseArgs({ args, options: parseOptions(table) as ParseOptionsOf<T>, allowPositionals: true, strict: true });
  } catch (error) {
    // normalize() catches what parseArgs rejects; this is the net under it, still one line of ours.
    throw usageError(`Invalid arguments: ${String((error as Error).message).split('\n')[0]}`, context);
  }
}
