/**
 * Module resolution over the set of scanned paths. Nothing is probed on disk
 * per import: a specifier resolves to a scanned file, to an external package,
 * or is unresolved. Order for non-relative specifiers follows TypeScript:
 * `paths`, then `baseUrl`, then the package's own name, else a package.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from './project-config.js';
import { exportTargets } from './package-exports.js';
import { mapEntryToSource } from './source-map.js';

/** Where one specifier leads. */
export type Resolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'external' }
  | { readonly kind: 'unresolved' };

/** Resolves `specifier` as written in the scanned file `from` (both root-relative, `/`-separated). */
export type Resolver = (from: string, specifier: string) => Resolution;

const EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'd.ts', 'd.mts', 'd.cts'];
/** TypeScript's output-extension convention: `./x.js` in source means `./x.ts`. */
const TS_SOURCE_FOR: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

const UNRESOLVED: Resolution = { kind: 'unresolved' };
const EXTERNAL: Resolution = { kind: 'external' };

/** Root-relative, normalized, `/`-separated form of a joined path; `''` for the root itself. */
function normalizeRel(p: string): string {
  const n = path.posix.normalize(p);
  if (n === '.' || n === './') return '';
  return n.replace(/^\.\//, '').replace(/\/$/, '');
}

/**
 * `dir` (root-relative, `''` or ending in `/`) joined with a relative specifier, normalized;
 * undefined when it leaves the root. Handles the shapes imports really have
 * (`./x`, `../../x/y.js`) without path.posix's general normalization, which
 * was a third of the cross-file pass on 20,000 files; anything unusual
 * (`./a/../b`, `a//b`, a trailing `/`, `.` or `..` alone) takes the general route.
 */
export function joinRelative(dir: string, spec: string): string | undefined {
  let base = dir;
  let at = 0;
  for (;;) {
    if (spec.startsWith('./', at)) at += 2;
    else if (spec.startsWith('../', at)) {
      if (base === '') return undefined;
      base = base.slice(0, base.lastIndexOf('/', base.length - 2) + 1);
      at += 3;
    } else break;
  }
  const rest = spec.slice(at);
  if (rest === '' || rest === '.' || rest === '..' || rest.startsWith('/') || rest.endsWith('/') || rest.includes('//') || rest.includes('/.')) {
    const joined = normalizeRel(path.posix.join(dir === '' ? '.' : dir, spec));
    return joined === '..' || joined.startsWith('../') ? undefined : joined;
  }
  return base + rest;
}

/** Finds the scanned file a path denotes: exact, TS extension mapping, added extension, then `/index.*`. */
export function makeFileLookup(files: ReadonlySet<string>): (relPath: string) => string | undefined {
  const lookupNormalized = makeNormalizedLookup(files);
  return (relPath) => lookupNormalized(normalizeRel(relPath));
}

/** makeFileLookup for a path already in normalized, root-relative form. */
function makeNormalizedLookup(files: ReadonlySet<string>): (normalized: string) => string | undefined {
  return (p) => {
    if (p.startsWith('../') || p === '..') return undefined;
    if (p !== '' && files.has(p)) return p;
    const ext = path.posix.extname(p);
    const mapped = TS_SOURCE_FOR[ext];
    if (mapped) {
      const stem = p.slice(0, -ext.length);
      for (const alt of mapped) if (files.has(stem + alt)) return stem + alt;
    }
    if (p !== '') for (const e of EXTENSIONS) if (files.has(`${p}.${e}`)) return `${p}.${e}`;
    const dir = p === '' ? '' : `${p}/`;
    for (const e of EXTENSIONS) if (files.has(`${dir}index.${e}`)) return `${dir}index.${e}`;
    return undefined;
  };
}

function isRelative(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

/** Builds a resolver for one scan. `files` holds every scanned path (root-relative). */
export function createResolver(root: string, files: ReadonlySet<string>, config: ProjectConfig): Resolver {
  const lookup = makeFileLookup(files);
  const lookupNormalized = makeNormalizedLookup(files);
  const relToRoot = (abs: string): string | undefined => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
  };
  const { ts, pkg } = config;
  const pathsBase = ts.pathsBase !== undefined ? relToRoot(ts.pathsBase) : undefined;
  const baseUrl = ts.baseUrl !== undefined ? relToRoot(ts.baseUrl) : undefined;
  const exact = new Map<string, readonly string[]>();
  const patterns: { prefix: string; suffix: string; targets: readonly string[] }[] = [];
  for (const [key, targets] of Object.entries(ts.paths ?? {})) {
    const star = key.indexOf('*');
    if (star === -1) exact.set(key, targets);
    else patterns.push({ prefix: key.slice(0, star), suffix: key.slice(star + 1), targets });
  }
  // Longest prefix first, as TypeScript picks the most specific pattern.
  patterns.sort((a, b) => b.prefix.length - a.prefix.length);

  const underBase = (base: string, target: string): string | undefined =>
    lookup(base === '' ? target : `${base}/${target}`);

  function viaPaths(spec: string): string | undefined {
    if (pathsBase === undefined) return undefined;
    const direct = exact.get(spec);
    if (direct) {
      for (const t of direct) {
        const hit = underBase(pathsBase, t);
        if (hit) return hit;
      }
    }
    for (const { prefix, suffix, targets } of patterns) {
      if (spec.length < prefix.length + suffix.length || !spec.startsWith(prefix) || !spec.endsWith(suffix)) continue;
      const match = spec.slice(prefix.length, spec.length - suffix.length);
      for (const t of targets) {
        const hit = underBase(pathsBase, t.replace('*', match));
        if (hit) return hit;
      }
      return undefined; // TypeScript stops at the best-matching pattern
    }
    return undefined;
  }

  // A symlinked file or folder is not scanned itself (discovery skips links), so an import
  // that does not resolve is followed on disk: the link's real path, when it is a scanned file.
  let realRoot: string | undefined;
  function viaLink(joined: string): string | undefined {
    if (realRoot === undefined) {
      try {
        realRoot = realpathSync(root);
      } catch {
        realRoot = root;
      }
    }
    const ext = path.posix.extname(joined);
    const stem = ext === '' ? joined : joined.slice(0, -ext.length);
    const candidates = [joined, ...(TS_SOURCE_FOR[ext] ?? []).map((alt) => stem + alt)];
    // `./a.js` may name `a.ts`; `./a` and `./a.config` need an extension; `./a.ts` is itself.
    if (TS_SOURCE_FOR[ext] !== undefined || !EXTENSIONS.includes(ext.slice(1))) {
      for (const e of EXTENSIONS) candidates.push(`${joined}.${e}`);
    }
    for (const candidate of candidates) {
      let real: string;
      try {
        real = realpathSync(path.join(root, candidate));
      } catch {
        continue;
      }
      const rel = path.relative(realRoot, real).split(path.sep).join('/');
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const hit = lookup(rel);
      if (hit) return hit;
    }
    return undefined;
  }

  // Packages imported by name: the root's own and the workspaces' (a nested package.json that is
  // no workspace, a test fixture named `react`, must not capture the real package's imports).
  const named = [{ dir: '', ts, pkg }, ...(config.packages ?? []).filter((p) => p.workspace === true)].filter((p) => p.pkg.name !== undefined && p.pkg.name !== '');

  function viaPackageName(spec: string): string | undefined {
    for (const { dir, ts: pts, pkg: ppkg } of named) {
      const name = ppkg.name as string;
      if (!(spec === name || spec.startsWith(`${name}/`))) continue;
      const prefix = dir === '' ? '' : `${dir}/`;
      const base = path.join(root, dir);
      const relToPkg = (abs: string): string | undefined => {
        const rel = path.relative(base, abs).split(path.sep).join('/');
        return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
      };
      const inPkg = (rel: string) => lookup(prefix + rel);
      const subpath = spec === name ? '.' : `./${spec.slice(name.length + 1)}`;
      const targets =
        ppkg.exports !== undefined ? exportTargets(ppkg.exports, subpath) : subpath === '.' ? ppkg.entryFields : [subpath];
      for (const target of targets) {
        const hit = mapEntryToSource(target, pts, inPkg, relToPkg);
        if (hit) return hit;
      }
      // Without a usable mapping, `mypkg/sub` most often means the file `sub` at the package root.
      const fallback = ppkg.exports === undefined || targets.length === 0 ? inPkg(subpath) : undefined;
      if (fallback) return fallback;
    }
    return undefined;
  }

  // Files of one folder often import the same specifiers: memoize relative lookups per (folder, specifier).
  // A file's imports are resolved one after another, so the folder's memo is looked up once per file.
  const relativeMemo = new Map<string, Map<string, Resolution>>();
  let lastFrom: string | undefined;
  let lastDir = '';
  let dirMemo = new Map<string, Resolution>();
  return (from, specifier) => {
    const spec = specifier.includes('?') || specifier.includes('#') ? specifier.replace(/[?#].*$/, '') : specifier;
    if (isRelative(spec)) {
      if (from !== lastFrom) {
        lastFrom = from;
        lastDir = from.slice(0, from.lastIndexOf('/') + 1);
        let memo = relativeMemo.get(lastDir);
        if (!memo) relativeMemo.set(lastDir, (memo = new Map()));
        dirMemo = memo;
      }
      let res = dirMemo.get(spec);
      if (res === undefined) {
        const joined = joinRelative(lastDir, spec);
        const hit = joined === undefined ? undefined : (lookupNormalized(joined) ?? viaLink(joined));
        res = hit ? { kind: 'file', path: hit } : UNRESOLVED;
        dirMemo.set(spec, res);
      }
      return res;
    }
    if (spec.startsWith('/')) {
      const rel = relToRoot(spec);
      const hit = rel === undefined ? undefined : lookup(rel);
      return hit ? { kind: 'file', path: hit } : UNRESOLVED;
    }
    if (spec.startsWith('node:') || spec === '') return EXTERNAL;
    const hit = viaPaths(spec) ?? (baseUrl !== undefined ? underBase(baseUrl, spec) : undefined) ?? viaPackageName(spec);
    return hit ? { kind: 'file', path: hit } : EXTERNAL;
  };
}
