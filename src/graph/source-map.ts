/**
 * Maps a path named by package.json (`./dist/esm/index.js`, `./lib/cli.d.ts`)
 * to the scanned source file it was built from, when the built file itself
 * is not part of the scan. The heuristic, in order:
 *   1. the path itself (with TypeScript's `.js` → `.ts` convention and index files);
 *   2. under tsconfig `outDir`: the same relative path under `rootDir`, then under `src/`;
 *   3. leading build-output folders (dist, build, lib, out, esm, cjs, …) stripped one at
 *      a time, fewest first, each rest tried under `src/` and then at the root;
 *   4. the whole path under `src/` (a package built into its own root: `./add.js` → `src/add/index.ts`).
 * Each candidate goes through extension and `/index` resolution, so
 * `./dist/cjs/index.js` finds `src/index.ts` and `./bin/cli.js` finds `bin/cli.ts`.
 */
import type { TsResolutionConfig } from './project-config.js';

/** Resolves a root-relative path to a scanned file, or undefined. */
type FileLookup = (relPath: string) => string | undefined;

/** Folder names that conventionally hold build output rather than sources. */
const BUILD_DIRS: ReadonlySet<string> = new Set([
  'dist', 'build', 'lib', 'out', 'output', 'esm', 'esm5', 'es', 'es2015', 'es6', 'cjs', 'commonjs', 'umd',
  'module', 'modules', 'bundles', 'types', 'typings', 'dts', 'node', 'browser', 'mjs',
]);

const DECLARATION_OR_JS = /\.(d\.[mc]?ts|[mc]?js|jsx)$/;

/** Strips `./` and leading slashes from a package-relative path. */
export function cleanPackagePath(p: string): string {
  return p.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** Source-path stems (no extension) to try for a package.json entry, best first. */
export function sourceCandidates(entry: string, ts: TsResolutionConfig, relToRoot: (abs: string) => string | undefined): string[] {
  const p = cleanPackagePath(entry);
  const stem = p.replace(DECLARATION_OR_JS, '');
  const out: string[] = [p, stem];
  const outDir = ts.outDir !== undefined ? relToRoot(ts.outDir) : undefined;
  if (outDir && stem.startsWith(outDir + '/')) {
    const rest = stem.slice(outDir.length + 1);
    const rootDir = ts.rootDir !== undefined ? relToRoot(ts.rootDir) : undefined;
    if (rootDir !== undefined) out.push(rootDir === '' ? rest : `${rootDir}/${rest}`);
    out.push(`src/${rest}`);
  }
  const segments = stem.split('/');
  // `dist/lib/x` may come from `src/lib/x` or `src/x`: strip one build folder at a time, fewest first.
  for (let k = 1; k < segments.length && BUILD_DIRS.has(segments[k - 1]); k++) {
    const rest = segments.slice(k).join('/');
    out.push(`src/${rest}`, rest);
  }
  // A package published from its root (`./add.js`, built there) with sources in src/ (date-fns): `src/add`.
  out.push(`src/${stem}`);
  return [...new Set(out)];
}

/** The scanned source file a package.json entry path stands for, or undefined. */
export function mapEntryToSource(
  entry: string,
  ts: TsResolutionConfig,
  lookup: FileLookup,
  relToRoot: (abs: string) => string | undefined,
): string | undefined {
  for (const candidate of sourceCandidates(entry, ts, relToRoot)) {
    const hit = lookup(candidate);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
