/**
 * Reads the scanned root's tsconfig.json (following relative `extends`) and
 * package.json as data — nothing from the scanned repository is executed or
 * imported. Only the fields module resolution and entry points need are kept.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonc } from './jsonc.js';

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
}

/** What the cross-file pass knows about the project, plus notes on what it could not read. */
export interface ProjectConfig {
  readonly ts: TsResolutionConfig;
  readonly pkg: PackageInfo;
  readonly notes: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readJson(file: string, jsonc: boolean): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const value = jsonc ? parseJsonc(text) : JSON.parse(text);
  if (!isObject(value)) throw new SyntaxError('not a JSON object');
  return value;
}

async function loadTsconfig(file: string, notes: string[], seen: Set<string>): Promise<TsResolutionConfig> {
  if (seen.has(file)) {
    notes.push(`tsconfig extends cycle at ${file}; stopped there`);
    return {};
  }
  seen.add(file);
  const json = await readJson(file, true);
  if (!json) return {};
  const dir = path.dirname(file);
  let merged: TsResolutionConfig = {};
  const parents = json.extends === undefined ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
  for (const parent of parents) {
    if (typeof parent !== 'string') continue;
    if (!parent.startsWith('.') && !path.isAbsolute(parent)) {
      // A package extends (e.g. @tsconfig/node20) lives in node_modules; its options rarely touch paths.
      notes.push(`tsconfig extends package '${parent}' not followed`);
      continue;
    }
    let parentFile = path.resolve(dir, parent);
    if (!parentFile.endsWith('.json')) parentFile += '.json';
    try {
      merged = { ...merged, ...(await loadTsconfig(parentFile, notes, seen)) };
    } catch (error) {
      notes.push(`could not read ${parentFile}: ${(error as Error).message}`);
    }
  }
  const options = isObject(json.compilerOptions) ? json.compilerOptions : {};
  const own: { -readonly [K in keyof TsResolutionConfig]: TsResolutionConfig[K] } = {};
  if (typeof options.baseUrl === 'string') own.baseUrl = path.resolve(dir, options.baseUrl);
  if (isObject(options.paths)) {
    const paths: Record<string, string[]> = {};
    for (const [key, targets] of Object.entries(options.paths)) {
      if (Array.isArray(targets)) paths[key] = targets.filter((t): t is string => typeof t === 'string');
    }
    own.paths = paths;
    own.pathsBase = dir;
  }
  if (typeof options.outDir === 'string') own.outDir = path.resolve(dir, options.outDir);
  if (typeof options.rootDir === 'string') own.rootDir = path.resolve(dir, options.rootDir);
  const result = { ...merged, ...own };
  const baseUrl = result.baseUrl;
  // TypeScript resolves `paths` against baseUrl when there is one, else against the declaring config.
  return baseUrl !== undefined && result.paths ? { ...result, pathsBase: baseUrl } : result;
}

function collectEntryFields(json: Json): string[] {
  const fields: string[] = [];
  for (const key of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof json[key] === 'string') fields.push(json[key] as string);
  }
  if (typeof json.bin === 'string') fields.push(json.bin);
  else if (isObject(json.bin)) {
    for (const value of Object.values(json.bin)) if (typeof value === 'string') fields.push(value);
  }
  return fields;
}

/** Loads `<root>/tsconfig.json` and `<root>/package.json`; unreadable or malformed files become notes. */
export async function loadProjectConfig(root: string): Promise<ProjectConfig> {
  const notes: string[] = [];
  let ts: TsResolutionConfig = {};
  try {
    ts = await loadTsconfig(path.join(root, 'tsconfig.json'), notes, new Set());
  } catch (error) {
    notes.push(`could not read tsconfig.json: ${(error as Error).message}`);
  }
  let pkg: PackageInfo = { entryFields: [] };
  try {
    const json = await readJson(path.join(root, 'package.json'), false);
    if (json) {
      pkg = {
        ...(typeof json.name === 'string' ? { name: json.name } : {}),
        ...(json.exports !== undefined ? { exports: json.exports } : {}),
        entryFields: collectEntryFields(json),
      };
    }
  } catch (error) {
    notes.push(`could not read package.json: ${(error as Error).message}`);
  }
  return { ts, pkg, notes };
}
