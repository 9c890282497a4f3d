/**
 * Entry points: modules whose exports are used by the outside world. They
 * come from package.json (`main`, `module`, `types`, `typings`, `browser`,
 * `bin`, every string leaf of `exports`), mapped back to sources with the
 * heuristic in source-map.ts, and from the user's `entries` globs.
 */
import path from 'node:path';
import type { NestedPackage, PackageInfo, ProjectConfig, TsResolutionConfig } from './project-config.js';
import { allExportTargets } from './package-exports.js';
import { globMatcher } from '../util/glob-matcher.js';

import { makeFileLookup } from './resolve.js';
import { cleanPackagePath, mapEntryToSource, sourceCandidates } from './source-map.js';

const escapeRegExp = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');

const SOURCE_SUFFIX = '(?:\\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|d\\.ts|d\\.mts|d\\.cts)|/index\\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|d\\.ts))';

/** Files an `exports` pattern target like `./dist/*.js` stands for (via the same source heuristic). */
function patternEntries(target: string, ts: TsResolutionConfig, prefix: string, nodes: readonly string[], relToPkg: (a: string) => string | undefined): string[] {
  // Like a plain entry, the first candidate location that holds any file wins.
  for (const candidate of sourceCandidates(target, ts, relToPkg)) {
    const re = new RegExp(`^${escapeRegExp(prefix)}${candidate.split('*').map(escapeRegExp).join('.+')}${SOURCE_SUFFIX}?$`);
    const hits = nodes.filter((n) => re.test(n));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** How many unmapped entries a note names; the rest are counted. */
const NOTE_EXAMPLES = 3;

/** One note for every package.json entry that maps to no scanned file: the count and a few examples. */
function unmappedNote(unmapped: readonly string[]): string | undefined {
  if (unmapped.length === 0) return undefined;
  const n = unmapped.length;
  const examples = unmapped.slice(0, NOTE_EXAMPLES).join('; ');
  return `${n} package.json ${n === 1 ? 'entry matches' : 'entries match'} no scanned file (e.g. ${examples}${n > NOTE_EXAMPLES ? '; …' : ''})`;
}

/** Where an entry came from, as a note names it: the manifest and the field, never the value (untrusted content). */
function fieldLabel(manifest: string, pkg: PackageInfo, index: number): string {
  if (index < pkg.entryFields.length) return `${manifest} ${pkg.entryFieldKeys?.[index] ?? 'entry field'}`;
  return `${manifest} exports, target ${index - pkg.entryFields.length + 1}`;
}

const ROOT_INDEX = /^index\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Node ids of the entry modules: the entries of the root package and of every
 * nested package (each mapped from its own folder, through its own tsconfig),
 * the user's globs, and, when no package.json exists at all, `index.*` at the
 * root. `notes` receives one summary of the entries that map to no scanned file.
 */
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
  const entries = new Set<number>();
  const unmapped: string[] = [];
  const packages: NestedPackage[] = [{ dir: '', ts: project.ts, pkg: project.pkg }, ...(project.packages ?? [])];
  for (const { dir, ts, pkg } of packages) {
    const base = path.join(root, dir);
    const relToPkg = (abs: string): string | undefined => {
      const rel = path.relative(base, abs).split(path.sep).join('/');
      return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
    };
    const prefix = dir === '' ? '' : `${dir}/`;
    const lookupInPkg = (rel: string) => lookup(prefix + rel);
    const targets = [...pkg.entryFields, ...(pkg.exports !== undefined ? allExportTargets(pkg.exports) : [])];
    for (const [index, target] of targets.entries()) {
      if (target.includes('*')) {
        for (const file of patternEntries(target, ts, prefix, nodes, relToPkg)) entries.add(ids.get(file) as number);
        continue;
      }
      const file = mapEntryToSource(target, ts, lookupInPkg, relToPkg);
      if (file !== undefined) entries.add(ids.get(file) as number);
      else if (/\.(?:[mc]?[jt]sx?)$/.test(target) || !/\.[a-z]+$/i.test(cleanPackagePath(target))) {
        unmapped.push(fieldLabel(`${prefix}package.json`, pkg, index));
      }
    }
  }
  const note = unmappedNote(unmapped);
  if (note !== undefined) notes.push(note);
  if (project.hasPackageJson === false) {
    nodes.forEach((p, i) => {
      if (ROOT_INDEX.test(p)) entries.add(i);
    });
  }
  const match = globMatcher(globs);
  nodes.forEach((p, i) => {
    if (match(p)) entries.add(i);
  });
  return entries;
}
