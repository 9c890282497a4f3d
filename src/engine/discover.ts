import fs, { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { SOURCE_EXTENSIONS } from '../config/options.js';
import type { SkippedFile } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { globMatcher } from '../util/glob-matcher.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { GitignoreRules } from './gitignore.js';
import { describeLink } from './link-reason.js';

/** A file discovery chose to analyze (its size is checked when it is read, from the open descriptor). */
interface DiscoveredFile {
  /** Relative to the root, forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
}

interface DiscoveryOptions {
  readonly root: string;
  /** Files and folders under the root to scan; empty = the whole root. */
  readonly paths?: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly skipped: SkippedFile[];
  /** Named files that are not scanned, and why. */
  readonly warnings?: readonly string[];
}

const DEFAULT_INCLUDE = [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`];

/** How every walk reads the tree: dot files included, links listed (never followed), unreadable folders passed over. */
const WALK = { dot: true, onlyFiles: false, objectMode: true, followSymbolicLinks: false, suppressErrors: true } as const;

/** Never scanned, whatever the patterns say: dependencies, VCS data and sonde's own folder. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/.sonde/**'];

/** What a whole-root walk depended on, for the stat manifest (stat-manifest.ts): every folder listed, every .gitignore read. */
export interface WalkTrace {
  /** Root-relative folders, `/`-separated, `''` for the root. */
  readonly dirs: Set<string>;
  readonly ignoreFiles: string[];
}

/** fast-glob's file system, with each folder it lists added to the trace. */
function tracingFs(root: string, trace: WalkTrace | undefined): { fs?: Partial<fg.FileSystemAdapter> } {
  if (!trace) return {};
  const readdirSync = ((dir: string, options?: unknown) => {
    trace.dirs.add(path.relative(root, dir).split(path.sep).join('/'));
    return (fs.readdirSync as (dir: string, options?: unknown) => unknown)(dir, options);
  }) as typeof fs.readdirSync;
  return { fs: { readdirSync } };
}


/**
 * Finds the source files under `root`: include/exclude globs, `.gitignore`
 * files at every depth (git's semantics, matched in near-linear time: see
 * gitignore.ts),
 * symbolic links never followed (a link is skipped with the reason). Sorted
 * by path. No stat per file: the directory entries say what is a link, and
 * the size is checked on read (an lstat each cost 150 ms on 20,000 files).
 */
export function discover(options: DiscoveryOptions, trace?: WalkTrace): Discovery {
  if (options.paths && options.paths.length > 0) return discoverPaths(options, options.paths);
  const { root } = options;
  const entries = fg.sync(options.include.length > 0 ? [...options.include] : DEFAULT_INCLUDE, {
    ...WALK,
    ...tracingFs(root, trace),
    cwd: root,
    ignore: [...ALWAYS_IGNORED, ...options.exclude],
  });
  const gitignore = loadGitignores(root, trace);
  const files: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries) {
    const relative = entry.path;
    if (gitignore.ignores(relative)) continue;
    const absolutePath = path.join(root, relative);
    if (entry.dirent.isSymbolicLink()) {
      skipped.push({ path: relative, reason: describeLink(root, absolutePath) });
      continue;
    }
    if (!entry.dirent.isFile()) continue;
    files.push({ path: relative, absolutePath });
  }
  // A link to a folder matches no file pattern, so the walk above never names it: list those too.
  const listed = new Set(skipped.map((s) => s.path));
  for (const link of directoryLinks(root, options.exclude, trace)) {
    if (listed.has(link) || gitignore.ignores(link)) continue;
    skipped.push({ path: link, reason: describeLink(root, path.join(root, link)) });
  }
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  skipped.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, skipped };
}

/** Root-relative paths of the symbolic links under `root` that point to a folder (links are not followed). */
function directoryLinks(root: string, exclude: readonly string[], trace: WalkTrace | undefined): string[] {
  const entries = fg.sync('**', {
    ...WALK,
    ...tracingFs(root, trace),
    cwd: root,
    ignore: [...ALWAYS_IGNORED, ...exclude],
  });
  const links: string[] = [];
  for (const entry of entries) {
    if (!entry.dirent.isSymbolicLink()) continue;
    try {
      if (statSync(path.join(root, entry.path)).isDirectory()) links.push(entry.path);
    } catch {
      // broken: it names no folder
    }
  }
  return links;
}

/**
 * Several paths, or files: each folder is globbed on its own (not the whole
 * common ancestor), with the patterns matched against root-relative paths as
 * in a one-folder scan. A named file is scanned whatever `include` and
 * .gitignore say, as ESLint lints a file it is given; only an explicit
 * ignore (--exclude, node_modules, .git, .sonde) keeps it out, with a warning.
 */
function discoverPaths(options: DiscoveryOptions, paths: readonly string[]): Discovery {
  const { root } = options;
  const include = options.include.length > 0 ? globMatcher(options.include) : undefined;
  const explicitlyIgnored = globMatcher([...ALWAYS_IGNORED, ...options.exclude]);
  const gitignore = loadGitignores(root);
  const found = new Map<string, DiscoveredFile>();
  const skipped = new Map<string, SkippedFile>();
  const warnings: string[] = [];
  for (const input of paths) {
    const absolute = path.join(root, input);
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    if (stats?.isSymbolicLink()) {
      skipped.set(input, { path: input, reason: describeLink(root, absolute) });
      continue;
    }
    if (stats?.isFile()) {
      if (explicitlyIgnored(input)) warnings.push(`${input} is ignored by --exclude or a default ignore (node_modules, .git, .sonde): not scanned.`);
      else found.set(input, { path: input, absolutePath: absolute });
      continue;
    }
    const entries = fg.sync(options.include.length > 0 ? ['**'] : DEFAULT_INCLUDE, {
      ...WALK,
      cwd: absolute,
      ignore: ALWAYS_IGNORED,
    });
    for (const entry of entries) {
      const relative = `${input}/${entry.path}`;
      if ((include && !include(relative)) || explicitlyIgnored(relative) || gitignore.ignores(relative)) continue;
      if (entry.dirent.isSymbolicLink()) skipped.set(relative, { path: relative, reason: describeLink(root, path.join(root, relative)) });
      else if (entry.dirent.isFile()) found.set(relative, { path: relative, absolutePath: path.join(root, relative) });
    }
  }
  return {
    files: [...found.values()].sort((a, b) => compareCodeUnits(a.path, b.path)),
    skipped: [...skipped.values()].sort((a, b) => compareCodeUnits(a.path, b.path)),
    warnings,
  };
}


/** A larger .gitignore is ignored: 100,000 rules take about 3 MB. */
const MAX_GITIGNORE_BYTES = 16 * 1024 * 1024;

/** Every `.gitignore` under the root, each applied relative to its own folder. */
interface GitignoreSet {
  ignores(relativePath: string): boolean;
}

function loadGitignores(root: string, trace?: WalkTrace): GitignoreSet {
  const ignoreFiles = fg.sync('**/.gitignore', {
    ...tracingFs(root, trace),
    cwd: root,
    dot: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ALWAYS_IGNORED,
  });
  const byDirectory = new Map<string, GitignoreRules>();
  trace?.ignoreFiles.push(...ignoreFiles);
  for (const file of ignoreFiles) {
    let content: string;
    try {
      // As git (2.32+) does, a symlinked .gitignore is not followed; and a FIFO
      // or a huge file must not hang or exhaust the scan.
      content = readRegularFile(path.join(root, file), { maxBytes: MAX_GITIGNORE_BYTES, noFollow: true });
    } catch {
      continue; // an unreadable .gitignore ignores nothing, as git does
    }
    const directory = path.posix.dirname(file);
    byDirectory.set(directory === '.' ? '' : directory, new GitignoreRules(content));
  }
  if (byDirectory.size === 0) return { ignores: () => false };
  return {
    ignores(relativePath) {
      // Like git, the deepest .gitignore with an opinion on the path decides
      // (so a nested `!keep.ts` re-includes what a parent's `*.ts` excluded).
      const segments = relativePath.split('/');
      for (let depth = segments.length - 1; depth >= 0; depth -= 1) {
        const rules = byDirectory.get(segments.slice(0, depth).join('/'));
        if (!rules) continue;
        const verdict = rules.test(segments.slice(depth).join('/'));
        if (verdict === 'ignored') return true;
        if (verdict === 'unignored') return false;
      }
      return false;
    },
  };
}
