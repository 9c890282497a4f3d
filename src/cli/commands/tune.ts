/**
 * `sonde tune [path]`: measures, prints the recommendation with its
 * evidence, saves it for `--parallel auto`, and with `--write` records it in
 * the folder's sonde.config.json. The write target is checked before the
 * measuring starts.
 */
import { statSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { checkConfigTarget, writeConfigSettings } from '../../bench/tune/config-target.js';
import { formatTune } from '../../bench/tune/format.js';
import type { TuneEvent } from '../../bench/tune/measure.js';
import { runTune, tunedRecordOf, type TuneReport } from '../../bench/tune/run-tune.js';
import { saveTunedRecord } from '../../parallel/tuned-record.js';
import type { CliIO } from '../../io.js';
import { escapeTerminal, formatBinaryBytes, formatMs } from '../../text/index.js';
import type { CommandHandler } from '../command.js';
import { parseTuneArgs, TUNE_HELP } from '../tune-args.js';

function progressLine(event: TuneEvent): string {
  if (event.type === 'drop') return `  ${event.arm} leaves the race: ${escapeTerminal(event.reason)}`;
  const what = event.round === 0 ? 'filling the cache' : `round ${event.round}`;
  if (event.error) return `  ${event.arm} ${what}: FAILED ${escapeTerminal(event.error)}`;
  return `  ${event.arm} ${what}: ${formatMs(event.wallMs)}, peak RSS ${formatBinaryBytes(event.peakRssBytes)}`;
}

/** The config keys `--write` sets; the memory budget as a size a person reads (`384MiB`). */
function configSettings(report: TuneReport): Record<string, unknown> {
  const { recommendation: r } = report;
  const budget = r.memory.budgetBytes;
  return { parallel: r.workers.choice, cache: r.cache.choice, ...(budget !== null ? { maxMemory: `${Math.ceil(budget / MiB)}MiB` } : {}) };
}

const MiB = 1024 * 1024;

export const tuneCommand: CommandHandler = async (argv, io: CliIO) => {
  const options = parseTuneArgs(argv, io.cwd);
  if (options.help) {
    io.stdout.write(TUNE_HELP);
    return 0;
  }
  if (!statSync(options.target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError('ROOT_NOT_FOUND', `No directory at ${options.target}.`, 'Pass the path of a project to tune for.');
  }
  // Refused before measuring: a wrong target must not cost the whole budget.
  if (options.write) checkConfigTarget(options.target, io.cwd);
  if (!options.quiet) io.stderr.write(`sonde tune: measuring for about ${Math.round(options.budgetMs / 1000)} s\n`);
  const report = await runTune({
    target: options.target,
    budgetMs: options.budgetMs,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(options.quiet ? {} : { onEvent: (event: TuneEvent) => io.stderr.write(`${progressLine(event)}\n`) }),
  });
  io.stdout.write(formatTune(report));
  const saved = saveTunedRecord(tunedRecordOf(report), io.env);
  io.stdout.write(
    'file' in saved
      ? `\nsaved for --parallel auto on this machine: ${escapeTerminal(saved.file)}\n`
      : `\nsonde: warning: the result was not saved for --parallel auto: ${escapeTerminal(saved.problem)}\n`,
  );
  if (options.write) {
    const { file } = writeConfigSettings(options.target, io.cwd, configSettings(report));
    const set = Object.entries(configSettings(report)).map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(', ');
    io.stdout.write(`wrote ${escapeTerminal(file)}: ${set}\n`);
  } else {
    io.stdout.write(`run with --write to record parallel, cache and maxMemory in ${escapeTerminal(options.target)}/sonde.config.json\n`);
  }
  return 0;
};
