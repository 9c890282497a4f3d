/**
 * `sonde generate --size S --seed N --out DIR [--force]`: write a
 * deterministic synthetic project and its ground truth
 * (sonde-ground-truth.json) for benchmarks and accuracy checks.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { GROUND_TRUTH_FILE, PROJECT_SIZES, generateProject, type ProjectSize } from '../../generate/index.js';
import { renderFlags, type Flag } from '../flag-table.js';
import { parseFlags } from '../parse-flags.js';
import type { CommandHandler } from '../command.js';

/** `sonde generate`'s flags: the parser's options and the options of `sonde generate --help`. */
export const GENERATE_FLAGS = [
  { name: 'size', type: 'string', arg: 'S', description: 'small (200 files), medium (2,000), large (20,000), xl (100,000), or a number of files' },
  { name: 'seed', type: 'string', arg: 'N', description: 'an integer seed', default: '1' },
  { name: 'out', type: 'string', arg: 'DIR', description: 'output folder; must be empty or missing unless --force' },
  { name: 'force', type: 'boolean', description: 'write into a non-empty DIR (files with the same names are overwritten)' },
  { name: 'help', short: 'h', type: 'boolean', description: 'this help' },
] as const satisfies readonly Flag[];

export const GENERATE_HELP = `Usage: sonde generate --size S --seed N --out DIR [--force]

Write a deterministic synthetic JS/TS project (same size and seed => same bytes)
and its ground truth, ${GROUND_TRUTH_FILE}, in DIR.

Options:
${renderFlags(GENERATE_FLAGS)}
`;

function parseSize(text: string | undefined): ProjectSize | number {
  if (text === undefined) throw new UserError('INVALID_OPTION', 'Missing --size', 'Use --size small|medium|large|xl or a number of files.');
  if (Object.hasOwn(PROJECT_SIZES, text)) return text as ProjectSize;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1_000_000) return Number(text);
  throw new UserError('INVALID_OPTION', `--size ${text}: expected small, medium, large, xl or a file count from 1 to 1000000`, 'For example --size small.');
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d+$/.test(text) || Number(text) > 0xffffffff) {
    throw new UserError('INVALID_OPTION', `--seed ${text}: expected an integer from 0 to 4294967295`, 'For example --seed 42.');
  }
  return Number(text);
}

export const generateCommand: CommandHandler = async (argv, io) => {
  const { values } = parseFlags(GENERATE_FLAGS, argv, { helpCommand: 'sonde generate --help', positionals: false });
  if (values.help) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  const size = parseSize(values.size);
  const seed = parseSeed(values.seed);
  if (values.out === undefined) throw new UserError('INVALID_OPTION', 'Missing --out DIR', 'For example --out /tmp/synthetic.');
  const outDir = path.resolve(io.cwd, values.out);
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new UserError('OUT_NOT_A_DIRECTORY', `${outDir} exists and is not a folder`, 'Choose another --out.');
    if (!values.force && readdirSync(outDir).length > 0) {
      throw new UserError('OUT_NOT_EMPTY', `${outDir} is not empty`, 'Choose an empty or new folder, or pass --force to write into it.');
    }
  }
  const started = Date.now();
  const truth = generateProject({ size, seed, outDir });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout.write(
    `Generated ${truth.totals.files} files, ${truth.totals.lines} lines, ${truth.totals.functions} functions ` +
      `(${truth.cycles.length} import cycles, ${truth.unusedExports.length} unused exports) in ${outDir} in ${seconds}s (seed ${seed})\n`,
  );
  return 0;
};
