/**
 * Entry points: modules whose exports are used by the outside world. They
 * come from package.json (`main`, `module`, `types`, `typings`, `browser`,
 * `bin`, every string leaf of `exports`), mapped back to sources with the
 * heuristic in source-map.ts, and from the user's `entries` globs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProjectConfig } from './project-config.js';
import { allExportTargets } from './package-exports.js';
import { makeFileLookup } from './resolve.js';
import { cleanPackagePath, mapEntryToSource, sourceCandidates } from './source-map.js';

type Matcher = (path: string) => boolean;

const escapeRegExp = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');

/**
 * A glob matcher: picomatch (fast-glob's own matcher, through micromatch)
 * when it can be loaded, else a small translation of `**`, `*` and `?`.
 */
export function globMatcher(patterns: readonly string[]): Matcher {
  if (patterns.length === 0) return () => false;
  try {
    const require = createRequire(import.meta.url);
    const picomatch = require('picomatch') as (p: readonly string[] | string, o?: object) => Matcher;
    return picomatch([...patterns], { dot: true });
  } catch {
    const res = patterns.map((p) => {
      const body = p
        .split('**/')
        .map((part) => part.split('**').map((q) => q.split('*').map((r) => r.split('?').map(escapeRegExp).join('[^/]')).join('[^/]*')).join('.*'))
        .join('(?:.*/)?');
      return new RegExp(`^${body}$`);
    });
    return (p) => res.some((re) => re.test(p));
  }
}

const SOURCE_SUFFIX = '(?:\\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|d\\.ts|d\\.mts|d\\.cts)|/index\\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|d\\.ts))';

/** Files an `exports` pattern target like `./dist/*.js` stands for (via the same source heuristic). */
function patternEntries(target: string, project: ProjectConfig, nodes: readonly string[], relToRoot: (a: string) => string | undefined): string[] {
  // Like a plain entry, the first candidate location that holds any file wins.
  for (const candidate of sourceCandidates(target, project.ts, relToRoot)) {
    const re = new RegExp(`^${candidate.split('*').map(escapeRegExp).join('.+')}${SOURCE_SUFFIX}?$`);
    const hits = nodes.filter((n) => re.test(n));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** Node ids of the entry modules; `notes` receives entries that map to no scanned file. */
export function findEntries(
  root: string,
  nodes: readonly string[],
  project: ProjectConfig,
  globs: readonly string[],
  notes: string[],
): Set<number> {
  const ids = new Map<string, number>();
  nodes.forEach((p, i) => ids.set(p, i));
  const lookup = makeFileLookup(new Set(nodes));
  const relToRoot = (abs: string): string | undefined => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
  };
  const entries = new Set<number>();
  const targets = [...project.pkg.entryFields, ...(project.pkg.exports !== undefined ? allExportTargets(project.pkg.exports) : [])];
  for (const target of targets) {
    if (target.includes('*')) {
      for (const file of patternEntries(target, project, nodes, relToRoot)) entries.add(ids.get(file) as number);
      continue;
    }
    const file = mapEntryToSource(target, project.ts, lookup, relToRoot);
    if (file !== undefined) entries.add(ids.get(file) as number);
    else if (/\.(?:[mc]?[jt]sx?)$/.test(target) || !/\.[a-z]+$/i.test(cleanPackagePath(target))) {
      notes.push(`package.json entry '${target}' matches no scanned file`);
    }
  }
  const match = globMatcher(globs);
  nodes.forEach((p, i) => {
    if (match(p)) entries.add(i);
  });
  return entries;
}
