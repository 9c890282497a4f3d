/**
 * Reads the scanned root's tsconfig.json and package.json as data — nothing
 * from the scanned repository is executed or imported. Only the fields module
 * resolution and entry points need are kept.
 *
 * Both files are untrusted. get-tsconfig resolves and merges the `extends`
 * chain the way TypeScript does (relative files, `node_modules` packages),
 * but every file-system question it asks goes through a guard (its `cache`
 * seam): nothing outside the scanned root exists for it, and a file is read
 * only when it is a regular file under MAX_CONFIG_BYTES (no /dev/stdin,
 * /dev/zero, FIFOs, or links out of the root). An `extends` that leads
 * elsewhere is dropped with a note that names the entry, never the content.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { parseTsconfig as ParseTsconfig } from 'get-tsconfig';
import { globMatcher } from '../util/glob-matcher.js';
import { parseJsonc } from '../util/jsonc.js';
import { readRegularFile, UnreadableFileError } from '../util/read-regular-file.js';
import { isWithin } from '../util/path-within.js';

/** Module-resolution settings after the `extends` chain is merged. Paths are absolute. */
export interface TsResolutionConfig {
  /** Absolute `baseUrl`, when one is set. */
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** Directory that `paths` targets are relative to: baseUrl, else the config that declared `paths`. */
  readonly pathsBase?: string;
  /** Absolute outDir / rootDir, used to map emitted entry paths back to sources. */
  readonly outDir?: string;
  readonly rootDir?: string;
}

/** The package.json fields that name entry points or the package itself. */
export interface PackageInfo {
  readonly name?: string;
  readonly exports?: unknown;
  /** `main`, `module`, `types`, `typings`, `bin` strings, package-relative. */
  readonly entryFields: readonly string[];
  /** The field each of `entryFields` came from (`main`, `bin`, …), for notes that must not quote values. */
  readonly entryFieldKeys?: readonly string[];
}

/** A package below the root (a workspace or any nested package.json), with its own tsconfig. */
export interface NestedPackage {
  /** Root-relative folder, `/`-separated, never `''`. */
  readonly dir: string;
  readonly ts: TsResolutionConfig;
  readonly pkg: PackageInfo;
  /** Listed by the root's `workspaces` or pnpm-workspace.yaml: other packages import it by name. */
  readonly workspace?: boolean;
}

/** What the cross-file pass knows about the project, plus notes on what it could not read. */
export interface ProjectConfig {
  readonly ts: TsResolutionConfig;
  readonly pkg: PackageInfo;
  readonly notes: readonly string[];
  /** Nested packages (folders of scanned files that hold a package.json), sorted by folder. */
  readonly packages?: readonly NestedPackage[];
  /** True when the root or a nested folder has a package.json. */
  readonly hasPackageJson?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A tsconfig or package.json larger than this is not a config; it is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a config file was not read; never contains the file's content. */
class ConfigReadError extends Error {}


/**
 * Reads a config file inside `root`: its real path must stay inside, it must
 * be a regular file (checked on the open descriptor, opened non-blocking so
 * a FIFO cannot hang the scan) and at most MAX_CONFIG_BYTES.
 */
function readConfigText(file: string, realRoot: string): string {
  try {
    return readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, within: realRoot });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ConfigReadError(error.kind === 'outside' ? 'is outside the scanned root' : error.reason);
    throw error;
  }
}

/** Parses untrusted JSON(C); a parse error says where, never what (the message would quote the content). */
function parseConfig(text: string, jsonc: boolean): Json {
  let value: unknown;
  try {
    value = jsonc ? parseJsonc(text) : JSON.parse(text);
  } catch {
    throw new ConfigReadError('is not valid JSON');
  }
  if (!isObject(value)) throw new ConfigReadError('is not a JSON object');
  return value;
}

function readJson(file: string, realRoot: string, jsonc: boolean): Json | undefined {
  if (!existsSync(file)) return undefined;
  return parseConfig(readConfigText(file, realRoot), jsonc);
}

/**
 * The file an `extends` entry would name if it stayed inside the root, or
 * the reason it is refused. Mirrors TypeScript's first step only (relative or
 * absolute file, `.json` appended); packages are resolved by get-tsconfig
 * under the guard, which sees only the root's own `node_modules`.
 */
function refuseExtends(spec: string, dir: string, realRoot: string): string | undefined {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const base = path.resolve(dir, spec === '..' ? '../tsconfig.json' : spec);
    const candidates = base.endsWith('.json') ? [base] : [base, `${base}.json`];
    const found = candidates.find((file) => existsSync(file));
    if (!found) return 'names no file';
    try {
      readConfigText(found, realRoot);
    } catch (error) {
      return error instanceof ConfigReadError ? error.message : 'cannot be read';
    }
    return undefined;
  }
  // A package: its folder must be a node_modules entry between the config and the root.
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  for (let current = dir; isWithin(realRoot, current); current = path.dirname(current)) {
    if (existsSync(path.join(current, 'node_modules', name))) return undefined;
    if (current === realRoot) break;
  }
  return 'is not a package in the scanned root\'s node_modules';
}

/**
 * get-tsconfig's file-system cache, used as a guard: it asks `get` before
 * touching the disk (keys like `readFileSync:/a/tsconfig.json:utf8`), so
 * every answer comes from here and nothing outside the root is visible.
 */
class TsconfigGuard extends Map<string, unknown> {
  /** The last refusal: get-tsconfig wraps what `get` throws in its own message. */
  refusal: ConfigReadError | undefined;

  constructor(
    private readonly realRoot: string,
    private readonly notes: string[],
  ) {
    super();
  }

  override get(key: string): unknown {
    const known = super.get(key);
    if (known !== undefined) return known;
    const colon = key.indexOf(':');
    const operation = key.slice(0, colon);
    const file = key.slice(colon + 1).replace(/:utf8$/, '');
    try {
      const value = this.answer(operation, file);
      super.set(key, value);
      return value;
    } catch (error) {
      if (error instanceof ConfigReadError) this.refusal = error;
      throw error;
    }
  }

  private inside(file: string): boolean {
    if (!isWithin(this.realRoot, path.resolve(file))) return false;
    try {
      return isWithin(this.realRoot, realpathSync(file));
    } catch {
      return false;
    }
  }

  private answer(operation: string, file: string): unknown {
    switch (operation) {
      case 'existsSync':
        return this.inside(file);
      case 'statSync':
        if (!this.inside(file)) throw new ConfigReadError('is outside the scanned root');
        return statSync(file);
      case 'realpathSync':
        if (!this.inside(file)) throw new ConfigReadError('is outside the scanned root');
        return realpathSync(file);
      case 'readFileSync':
        return this.sanitized(file);
      default:
        throw new ConfigReadError(`unexpected file-system call ${operation}`);
    }
  }

  /** The file's text with every `extends` entry that would leave the root removed (and noted). */
  private sanitized(file: string): string {
    const json = parseConfig(readConfigText(file, this.realRoot), true);
    if (json.extends === undefined) return JSON.stringify(json);
    const entries = Array.isArray(json.extends) ? json.extends : [json.extends];
    const kept: string[] = [];
    const name = path.relative(this.realRoot, file).split(path.sep).join('/');
    for (const entry of entries) {
      if (typeof entry !== 'string') continue;
      const why = refuseExtends(entry, path.dirname(file), this.realRoot);
      if (why) this.notes.push(`${name}: extends ${JSON.stringify(entry)} ${why}; not followed`);
      else kept.push(entry);
    }
    return JSON.stringify({ ...json, extends: kept.length > 0 ? kept : undefined });
  }
}

/** The `paths` base get-tsconfig records when a config declares `paths` without `baseUrl`. */
function implicitBase(options: object): string | undefined {
  const key = Object.getOwnPropertySymbols(options).find((symbol) => symbol.description === 'implicitBaseUrl');
  const value = key === undefined ? undefined : (options as Record<symbol, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

let parseTsconfig: typeof ParseTsconfig | undefined;

/** get-tsconfig, loaded for the first tsconfig.json found (~10 ms a process that has none need not pay). */
function loadParseTsconfig(): typeof ParseTsconfig {
  return (parseTsconfig ??= (createRequire(import.meta.url)('get-tsconfig') as { parseTsconfig: typeof ParseTsconfig }).parseTsconfig);
}

function loadTsconfig(root: string, realRoot: string, notes: string[], rel = ''): TsResolutionConfig {
  const dir = path.join(realRoot, rel);
  const file = path.join(dir, 'tsconfig.json');
  if (!existsSync(path.join(root, rel, 'tsconfig.json'))) return {};
  const guard = new TsconfigGuard(realRoot, notes);
  let options: Json;
  try {
    options = loadParseTsconfig()(file, guard as unknown as Map<string, string>).compilerOptions ?? {};
  } catch (error) {
    throw guard.refusal ?? error;
  }
  const own: { -readonly [K in keyof TsResolutionConfig]: TsResolutionConfig[K] } = {};
  if (typeof options.baseUrl === 'string') own.baseUrl = path.resolve(dir, options.baseUrl);
  if (isObject(options.paths)) {
    const paths: Record<string, string[]> = {};
    for (const [key, targets] of Object.entries(options.paths)) {
      if (Array.isArray(targets)) paths[key] = targets.filter((t): t is string => typeof t === 'string');
    }
    own.paths = paths;
    // TypeScript resolves `paths` against baseUrl when there is one, else against the declaring config.
    own.pathsBase = own.baseUrl ?? implicitBase(options) ?? dir;
  }
  if (typeof options.outDir === 'string') own.outDir = path.resolve(dir, options.outDir);
  if (typeof options.rootDir === 'string') own.rootDir = path.resolve(dir, options.rootDir);
  return own;
}

/** A note about a config file that could not be used: its name and why, never its content. */
function noteFor(name: string, error: unknown): string {
  const why = error instanceof ConfigReadError ? error.message : 'could not be parsed';
  return `could not read ${name}: it ${why}`;
}

function collectEntryFields(json: Json): { fields: string[]; keys: string[] } {
  const fields: string[] = [];
  const keys: string[] = [];
  for (const key of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof json[key] === 'string') {
      fields.push(json[key] as string);
      keys.push(key);
    }
  }
  if (typeof json.bin === 'string') {
    fields.push(json.bin);
    keys.push('bin');
  } else if (isObject(json.bin)) {
    for (const value of Object.values(json.bin)) {
      if (typeof value === 'string') {
        fields.push(value);
        keys.push('bin');
      }
    }
  }
  return { fields, keys };
}

function packageInfo(json: Json): PackageInfo {
  const { fields, keys } = collectEntryFields(json);
  return {
    ...(typeof json.name === 'string' ? { name: json.name } : {}),
    ...(json.exports !== undefined ? { exports: json.exports } : {}),
    entryFields: fields,
    entryFieldKeys: keys,
  };
}

/** Every folder that holds a scanned file, and its ancestors below the root (root-relative, never `''`). */
function ancestorDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
      const dir = file.slice(0, at);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
  }
  return [...dirs].sort();
}

/** At most this many workspace patterns are used. */
const MAX_WORKSPACE_PATTERNS = 1000;

/** Patterns of npm/yarn `workspaces` (an array, or `{ packages: [] }`). */
function npmWorkspaces(json: Json | undefined): string[] {
  const value = json?.workspaces;
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.packages) ? value.packages : [];
  return list.filter((p): p is string => typeof p === 'string');
}

/**
 * The `packages:` list of pnpm-workspace.yaml: the one subset of YAML it
 * uses (a top-level key, then `- item` lines, items plain or quoted).
 * Anything else ends the list; nothing is evaluated.
 */
export function parsePnpmWorkspace(text: string): string[] {
  const out: string[] = [];
  let inPackages = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (line.trim() === '') continue;
    if (!/^\s/.test(line) && !line.startsWith('-')) {
      inPackages = /^packages\s*:\s*$/.test(line);
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s*-\s*(.*?)\s*$/.exec(line)?.[1];
    if (item === undefined || item === '') continue;
    const unquoted = /^(['"])(.*)\1$/.exec(item)?.[2] ?? item;
    out.push(unquoted);
    if (out.length >= MAX_WORKSPACE_PATTERNS) break;
  }
  return out;
}

/** A matcher for folders the workspace patterns name (`!` patterns exclude). */
function workspaceMatcher(patterns: readonly string[]): (dir: string) => boolean {
  const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  const include = globMatcher(patterns.filter((p) => !p.startsWith('!')).map(clean));
  const exclude = globMatcher(patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1))));
  return (dir) => include(dir) && !exclude(dir);
}

/** The packages in folders of `files` below the root, each with its package.json and tsconfig. */
function loadNestedPackages(root: string, realRoot: string, files: readonly string[], notes: string[], rootJson: Json | undefined): NestedPackage[] {
  const patterns = npmWorkspaces(rootJson).slice(0, MAX_WORKSPACE_PATTERNS);
  if (existsSync(path.join(root, 'pnpm-workspace.yaml'))) {
    try {
      patterns.push(...parsePnpmWorkspace(readConfigText(path.join(root, 'pnpm-workspace.yaml'), realRoot)));
    } catch (error) {
      notes.push(noteFor('pnpm-workspace.yaml', error));
    }
  }
  const isWorkspace = workspaceMatcher(patterns);
  const out: NestedPackage[] = [];
  for (const dir of ancestorDirs(files)) {
    if (dir.split('/').includes('node_modules')) continue;
    const file = path.join(root, dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const json = readJson(file, realRoot, false);
      if (!json) continue;
      let ts: TsResolutionConfig = {};
      try {
        ts = mapToRoot(loadTsconfig(root, realRoot, notes, dir), realRoot, root);
      } catch (error) {
        notes.push(noteFor(`${dir}/tsconfig.json`, error));
      }
      out.push({ dir, ts, pkg: packageInfo(json), ...(isWorkspace(dir) ? { workspace: true } : {}) });
    } catch (error) {
      notes.push(noteFor(`${dir}/package.json`, error));
    }
  }
  return out;
}

/**
 * Loads `<root>/tsconfig.json` and `<root>/package.json`, and the package.json
 * (with its tsconfig) of every folder of `files` below the root; unreadable or
 * malformed files become notes.
 */
export async function loadProjectConfig(root: string, files: readonly string[] = []): Promise<ProjectConfig> {
  const notes: string[] = [];
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // the scan has already checked the root; keep the given path
  }
  let ts: TsResolutionConfig = {};
  try {
    ts = mapToRoot(loadTsconfig(root, realRoot, notes), realRoot, root);
  } catch (error) {
    notes.push(noteFor('tsconfig.json', error));
  }
  let pkg: PackageInfo = { entryFields: [] };
  let hasPackageJson = existsSync(path.join(root, 'package.json'));
  let rootJson: Json | undefined;
  try {
    rootJson = readJson(path.join(root, 'package.json'), realRoot, false);
    if (rootJson) pkg = packageInfo(rootJson);
  } catch (error) {
    notes.push(noteFor('package.json', error));
  }
  const packages = loadNestedPackages(root, realRoot, files, notes, rootJson);
  if (packages.length > 0) hasPackageJson = true;
  return { ts, pkg, notes, packages, hasPackageJson };
}

/** Paths come back under the root's real path; the rest of the pass speaks in the root as given. */
function mapToRoot(config: TsResolutionConfig, realRoot: string, root: string): TsResolutionConfig {
  if (realRoot === root) return config;
  const map = (p: string | undefined) => (p !== undefined && isWithin(realRoot, p) ? path.join(root, path.relative(realRoot, p)) : p);
  const out: { -readonly [K in keyof TsResolutionConfig]: TsResolutionConfig[K] } = { ...config };
  for (const key of ['baseUrl', 'pathsBase', 'outDir', 'rootDir'] as const) {
    const mapped = map(config[key]);
    if (mapped === undefined) delete out[key];
    else out[key] = mapped;
  }
  return out;
}
