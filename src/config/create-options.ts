import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { cacheOptions } from './cache-location.js';
import { defaultRulesConfig } from '../rules/index.js';
import { DEFAULT_ANALYSIS_OPTIONS, DEFAULT_MAX_FILE_SIZE, type ScanOptions } from './options.js';

/** The default cache file, inside the scanned root: the only place sonde ever writes in a user's tree. */
export function defaultCacheLocation(root: string): string {
  return path.join(root, '.sonde', 'cache.sqlite');
}

/**
 * Builds complete, frozen scan options for `root` (resolved against the
 * current directory), with defaults for everything not overridden. Throws a
 * UserError when the root is missing or not a directory.
 */
export function createScanOptions(root: string, overrides: Partial<Omit<ScanOptions, 'root'>> = {}): ScanOptions {
  const absoluteRoot = path.resolve(root);
  assertDirectory(absoluteRoot, root);
  return Object.freeze({
    root: absoluteRoot,
    paths: [],
    include: [],
    exclude: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    parallel: 'auto' as const,
    rules: defaultRulesConfig(),
    analysis: DEFAULT_ANALYSIS_OPTIONS,
    entries: [],
    ignoreTypeOnlyCycles: false,
    skipGenerated: true,
    sampleIntervalMs: 100,
    ...overrides,
    cache: overrides.cache ?? cacheOptions(false, { kind: 'sqlite', path: defaultCacheLocation(absoluteRoot) }),
  });
}

function assertDirectory(absoluteRoot: string, given: string): void {
  let stats;
  try {
    stats = statSync(absoluteRoot);
  } catch {
    throw new UserError('ROOT_NOT_FOUND', `No such directory: ${given}`, 'Check the path, or run sonde from inside the repository.');
  }
  if (!stats.isDirectory()) {
    throw new UserError('ROOT_NOT_DIRECTORY', `Not a directory: ${given}`, 'sonde scans a directory; pass the folder that contains the file.');
  }
}
