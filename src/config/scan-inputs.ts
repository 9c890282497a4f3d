import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { SOURCE_EXTENSIONS } from './options.js';
import { isWithin } from '../util/path-within.js';

/** The paths given to `sonde scan`, as one root and the inputs under it. */
export interface ScanInputs {
  /** The directory given, or the common ancestor of the paths given. */
  readonly root: string;
  /** Files and folders to scan, relative to `root` with forward slashes; empty = all of `root`. */
  readonly paths: readonly string[];
}

const SOURCE_FILE = new RegExp(`\\.(?:${SOURCE_EXTENSIONS.join('|')})$`);

/**
 * Resolves the command line's paths. One directory is the root itself (what
 * sonde always did); anything else (a file, several paths) is scanned from
 * the paths' common ancestor, so `path` in the JSON report stays relative to
 * its `root` and cross-file analysis sees the union.
 */
export function resolveScanInputs(positionals: readonly string[], cwd: string): ScanInputs {
  const given = positionals.length > 0 ? positionals : ['.'];
  const inputs = given.map((input) => ({ input, absolute: path.resolve(cwd, input), directory: isDirectory(path.resolve(cwd, input), input) }));
  if (inputs.length === 1 && inputs[0]!.directory) return { root: inputs[0]!.absolute, paths: [] };
  const root = commonAncestor(inputs.map(({ absolute, directory }) => (directory ? absolute : path.dirname(absolute))));
  const paths = [...new Set(inputs.map(({ absolute }) => path.relative(root, absolute).split(path.sep).join('/')))];
  // `sonde scan . src/a.ts`: the whole root is scanned; the named file adds nothing.
  return { root, paths: paths.includes('') ? [] : paths.sort() };
}

function isDirectory(absolute: string, input: string): boolean {
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw SOURCE_FILE.test(input)
      ? new UserError('ROOT_NOT_FOUND', `No such file: ${input}`, 'Check the path; sonde resolves it from the working directory.')
      : new UserError('ROOT_NOT_FOUND', `No such directory: ${input}`, 'Check the path, or run sonde from inside the repository.');
  }
  if (stats.isDirectory()) return true;
  if (!stats.isFile() || !SOURCE_FILE.test(input)) {
    throw new UserError(
      'ROOT_NOT_DIRECTORY',
      `Not a directory or a JavaScript/TypeScript file: ${input}`,
      `sonde scans folders and .${SOURCE_EXTENSIONS.join(', .')} files.`,
    );
  }
  return false;
}

function commonAncestor(directories: readonly string[]): string {
  let ancestor = directories[0]!;
  for (const directory of directories.slice(1)) {
    while (!isWithin(ancestor, directory)) {
      ancestor = path.dirname(ancestor);
    }
  }
  return ancestor;
}
