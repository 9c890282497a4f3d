/**
 * `sonde tune --write`: the chosen settings into the tuned folder's own
 * `sonde.config.json`, and nowhere else.
 *
 * The target is the one file the user named by naming the folder:
 * `<path>/sonde.config.json`. It is checked before any measuring (a refusal
 * must not cost the whole budget), and checked again right before the write:
 * - a symbolic link there (or a folder that is one) is refused, never
 *   followed: the folder is untrusted and a link could point out of it
 *   (docs/security.md, "Writes");
 * - only a regular file is rewritten, through a temporary file and a rename;
 * - a config that scans of this folder would not read (one found above it)
 *   or one with comments (`.jsonc`, or a `.json` with comments, which a
 *   rewrite would lose) is left alone, with a message saying what to set;
 * - the user's other keys are kept, in their order and indentation; a file
 *   that is not a valid config is refused rather than rewritten.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, findConfigFile, validateConfig } from '../../config/config-file.js';
import { UserError } from '../../errors.js';
import { parseJsonc } from '../../util/jsonc.js';
import { checkOutputTarget, writeOutput, type OutputTarget } from '../../util/output-target.js';
import { readRegularFile } from '../../util/read-regular-file.js';

const CONFIG_NAME = CONFIG_FILE_NAMES[0];
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A checked target: the file, and the object it holds now ({} when it does not exist). */
export interface ConfigTarget {
  readonly file: string;
  readonly output: OutputTarget;
  readonly current: Readonly<Record<string, unknown>>;
  /** The indentation of the existing file, kept on rewrite. */
  readonly indent: string;
  readonly exists: boolean;
}

const refuse = (file: string, why: string, hint?: string) =>
  new UserError('CONFIG_NOT_WRITABLE', `sonde tune --write: cannot write ${file}: ${why}.`, hint ?? 'Run without --write and set the printed values by hand.');

/** Checks `<root>/sonde.config.json` as a write target; throws a one-line UserError when it is not one. */
export function checkConfigTarget(root: string, cwd: string): ConfigTarget {
  const file = path.join(root, CONFIG_NAME);
  const jsonc = path.join(root, CONFIG_FILE_NAMES[1]);
  const found = findConfigFile(root, cwd);
  if (found && path.dirname(found.file) !== root) {
    throw refuse(file, `scans of ${root} read ${found.file}, which a new file here would replace without its settings`, `Tune the folder of ${found.file}, or set the printed values there by hand.`);
  }
  if (lstatSync(file, { throwIfNoEntry: false }) === undefined && lstatSync(jsonc, { throwIfNoEntry: false }) !== undefined) {
    throw refuse(file, `the config here is ${CONFIG_FILE_NAMES[1]}, whose comments a rewrite would lose`);
  }
  const output = checkOutputTarget(file, 'the config file', { noLinksBelow: root });
  if (output.mode !== 'replace') throw refuse(file, 'it is not a regular file');
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return { file, output, current: {}, indent: '  ', exists: false };
  let text: string;
  try {
    text = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, noFollow: true });
  } catch (error) {
    throw refuse(file, (error as Error).message);
  }
  let current: unknown;
  try {
    current = JSON.parse(text);
  } catch {
    let isJsonc = true;
    try {
      parseJsonc(text);
    } catch {
      isJsonc = false;
    }
    throw refuse(file, isJsonc ? 'it has comments, which a rewrite would lose' : 'it is not valid JSON', isJsonc ? undefined : 'Fix it first (sonde scan names the problem).');
  }
  try {
    validateConfig(current, file);
  } catch (error) {
    throw refuse(file, 'it is not a valid sonde config', error instanceof UserError ? error.headline : undefined);
  }
  return { file, output, current: current as Record<string, unknown>, indent: /^([ \t]+)"/m.exec(text)?.[1] ?? '  ', exists: true };
}

/**
 * Sets `settings` in the folder's config, keeping every other key. Checks
 * the target again first (it may have changed while the tune measured).
 * Returns the merged config as written.
 */
export function writeConfigSettings(root: string, cwd: string, settings: Readonly<Record<string, unknown>>): { file: string; config: Record<string, unknown> } {
  const target = checkConfigTarget(root, cwd);
  // Existing keys keep their place (object spread keeps insertion order); new ones go last.
  const config: Record<string, unknown> = { ...target.current, ...settings };
  validateConfig(config, target.file);
  writeOutput(target.output, `${JSON.stringify(config, null, target.indent)}\n`);
  return { file: target.file, config };
}
