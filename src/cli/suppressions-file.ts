/**
 * The suppressions file on disk: where it is, reading it (the repository
 * controls it: bounded, a regular file, shape-checked) and writing it (a
 * target the user names by running --suppress-all, --suppress-rule or
 * --prune-suppressions: the safe writer, checked before the scan).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  applySuppressions,
  pruneSuppressions,
  suppressFindings,
  SUPPRESSIONS_FILE_NAME,
  validateSuppressions,
  type Suppressions,
} from '../config/suppressions.js';
import { UserError } from '../errors.js';
import { ALL_RULES } from '../rules/index.js';
import { closestMatch } from '../util/edit-distance.js';
import { escapeTerminal } from '../text/escape.js';
import type { ScanResult } from '../types.js';
import { checkOutputTarget, writeOutput, type OutputTarget } from '../util/output-target.js';
import { readRegularFile, UnreadableFileError } from '../util/read-regular-file.js';

/** 20,000 files × a few rules is ~2 MB; the cap only stops a hostile file. */
const MAX_SUPPRESSIONS_BYTES = 32 * 1024 * 1024;

/** What the run does with the file: apply it, or rewrite it first. */
export type SuppressionMode = { readonly kind: 'apply' } | { readonly kind: 'suppress'; readonly rules?: readonly string[] } | { readonly kind: 'prune' };

/** The parsed --suppress-* flags. */
export interface SuppressionOptions {
  readonly file: string;
  /** Named by --suppressions-location: a missing file is then an error, not "no suppressions". */
  readonly explicit: boolean;
  readonly mode: SuppressionMode;
}

/** The flags' values → options; the file is beside an explicit --config, else in the working directory. */
export function parseSuppressionFlags(
  values: { 'suppress-all'?: boolean; 'suppress-rule'?: string[]; 'prune-suppressions'?: boolean; 'suppressions-location'?: string; config?: string },
  cwd: string,
): SuppressionOptions {
  const rules = values['suppress-rule'] ?? [];
  const known = ALL_RULES.map((rule) => rule.id);
  for (const rule of rules) {
    if (known.includes(rule)) continue;
    const suggestion = closestMatch(rule, known);
    throw new UserError('INVALID_OPTION', `--suppress-rule ${rule}: unknown rule${suggestion ? `. Did you mean '${suggestion}'?` : ` (known: ${known.join(', ')})`}`);
  }
  if (values['suppress-all'] && rules.length > 0) throw new UserError('INVALID_OPTION', '--suppress-all and --suppress-rule contradict each other; pass one.');
  if (values['prune-suppressions'] && (values['suppress-all'] || rules.length > 0)) {
    throw new UserError('INVALID_OPTION', '--prune-suppressions cannot be combined with --suppress-all or --suppress-rule; run them one after the other.');
  }
  const location = values['suppressions-location'];
  const file = location
    ? path.resolve(cwd, location)
    : path.join(values.config ? path.dirname(path.resolve(cwd, values.config)) : cwd, SUPPRESSIONS_FILE_NAME);
  const mode: SuppressionMode = values['prune-suppressions']
    ? { kind: 'prune' }
    : values['suppress-all']
      ? { kind: 'suppress' }
      : rules.length > 0
        ? { kind: 'suppress', rules }
        : { kind: 'apply' };
  return { file, explicit: location !== undefined, mode };
}

/** The file's entries; none when the default file is absent. */
export function readSuppressions(options: SuppressionOptions): Suppressions {
  const shown = escapeTerminal(options.file);
  if (!existsSync(options.file)) {
    if (options.explicit && options.mode.kind !== 'suppress') {
      throw new UserError('SUPPRESSIONS_NOT_FOUND', `--suppressions-location ${shown}: no such file.`, 'Create it with --suppress-all.');
    }
    return Object.create(null) as Suppressions;
  }
  let text: string;
  try {
    // The default file lies in the (untrusted) working tree: a link there is refused, not followed.
    text = readRegularFile(options.file, { maxBytes: MAX_SUPPRESSIONS_BYTES, noFollow: !options.explicit });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UserError('INVALID_SUPPRESSIONS', `cannot read the suppressions file ${shown}: it ${error.reason}.`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // V8's message may quote the content: say only that it is not JSON.
    throw new UserError('INVALID_SUPPRESSIONS', `${shown}: not valid JSON.`, 'Fix or delete it, then run with --suppress-all to write it again.');
  }
  return validateSuppressions(parsed, shown);
}

/** The file's entries as the scan started, and where to write it when the run rewrites it. */
export interface PreparedSuppressions {
  readonly existing: Suppressions;
  readonly target?: OutputTarget;
}

/** Read and checked before the scan, so a bad file or an unwritable path costs no scan. */
export function prepareSuppressions(options: SuppressionOptions): PreparedSuppressions {
  const existing = readSuppressions(options);
  const target = checkSuppressionsTarget(options);
  return { existing, ...(target ? { target } : {}) };
}

function checkSuppressionsTarget(options: SuppressionOptions): OutputTarget | undefined {
  if (options.mode.kind === 'apply') return undefined;
  // The default file lies in the (untrusted) working tree: a committed link there must not redirect the write.
  return checkOutputTarget(options.file, 'the suppressions file', options.explicit ? {} : { noLinksBelow: path.dirname(options.file) });
}

/**
 * Rewrites the file if the mode says so, then marks the covered findings.
 * Returns the marked result and a line for stderr when the file was written.
 */
export function processSuppressions(
  result: ScanResult,
  options: SuppressionOptions,
  existing: Suppressions,
  target: OutputTarget | undefined,
): { result: ScanResult; note?: string } {
  const paths = { dir: path.dirname(options.file), root: result.root };
  const { mode } = options;
  const updated =
    mode.kind === 'suppress'
      ? suppressFindings(existing, result, paths, mode.rules ? new Set(mode.rules) : undefined)
      : mode.kind === 'prune'
        ? pruneSuppressions(existing, result, paths)
        : existing;
  let note: string | undefined;
  if (target) {
    writeOutput(target, `${JSON.stringify(updated, null, 2)}\n`);
    note = `sonde: wrote ${countEntries(updated)} suppression entries to ${escapeTerminal(options.file)}.\n`;
  }
  return { result: applySuppressions(result, updated, paths).result, ...(note ? { note } : {}) };
}

function countEntries(suppressions: Suppressions): number {
  let entries = 0;
  for (const perRule of Object.values(suppressions)) entries += Object.keys(perRule).length;
  return entries;
}
