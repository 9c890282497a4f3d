/**
 * `--cache-location` / `cacheLocation`: a redis:// or rediss:// URL selects a
 * shared Redis cache, anything else is a SQLite file path. Parsed once here,
 * so the engine and the cache never look at the raw text again.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { CacheOptions, CacheStoreLocation } from './options.js';

const REDIS_SCHEME = /^rediss?:\/\//i;
/** Any other `scheme://` is a URL we do not speak, not a file name anyone meant. */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Parses a cache location. `base` resolves a relative SQLite path (the
 * working directory for a flag, the scanned root for the config file);
 * `source` names where the value came from in error messages.
 */
export function parseCacheLocation(text: string, base: string, source: string): CacheStoreLocation {
  if (REDIS_SCHEME.test(text)) return { kind: 'redis', url: validateRedisUrl(text, source) };
  if (OTHER_SCHEME.test(text)) {
    throw new UserError(
      'INVALID_OPTION',
      `${source} ${text.replace(/:\/\/.*$/, '://…')}: only redis:// and rediss:// URLs are supported`,
      'Give a file path for a SQLite cache, or redis://[user:password@]host:port[/db] for a shared Redis cache.',
    );
  }
  return { kind: 'sqlite', path: path.resolve(base, text) };
}

/** Cache options whose printable `location` can never leak the store's password. */
export function cacheOptions(enabled: boolean, store: CacheStoreLocation): CacheOptions {
  return { enabled, location: describeCacheLocation(store), store };
}

/** The location as it may be printed: a path, or the URL with its password replaced by `***`. */
export function describeCacheLocation(store: CacheStoreLocation): string {
  return store.kind === 'sqlite' ? store.path : redactUrl(store.url);
}

/** `redis://user:secret@host:6379/2` → `redis://user:***@host:6379/2`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL after all: drop everything that could be credentials.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
  const credentials = parsed.username || parsed.password ? `${parsed.username}${parsed.password ? ':***' : ''}@` : '';
  return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/** `text` with the URL's password (as written, and decoded) replaced by `***`: for driver messages shown to the user. */
export function hidePassword(url: string, text: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (!password) return text;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Keep the raw form only.
  }
  return text.replaceAll(password, '***').replaceAll(decoded, '***');
}

function validateRedisUrl(text: string, source: string): string {
  const fail = (problem: string): never => {
    throw new UserError(
      'INVALID_OPTION',
      `${source} ${redactUrl(text)}: ${problem}`,
      'Expected redis://[user:password@]host:port[/db] (or rediss:// for TLS).',
    );
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('not a valid URL');
  }
  if (!url.hostname) fail('no host');
  if (url.search || url.hash) fail('query parameters and fragments are not supported');
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname)) fail(`"${url.pathname.slice(1)}" is not a database number`);
  return text;
}

/**
 * `cacheLocation` from a config file inside the scanned root, which the
 * repository controls: only a SQLite file inside the root, reached through
 * no symlink. A URL or any other place could make a scan write or connect
 * where the repository chooses; those come only from the user's
 * `--cache-location` or `SONDE_CACHE_LOCATION`.
 */
function parseRepoCacheLocation(text: string, root: string, source: string): CacheStoreLocation {
  const refuse = (problem: string): never => {
    throw new UserError(
      'INVALID_OPTION',
      `${source}: ${problem}`,
      "A repository's config may only name a file inside the repository; use --cache-location or SONDE_CACHE_LOCATION for anywhere else.",
    );
  };
  if (OTHER_SCHEME.test(text)) refuse('a URL is not allowed here');
  const file = path.resolve(root, text);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) refuse('the cache file must be inside the scanned folder');
  let current = root;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    if (isSymlink(current)) refuse(`${path.relative(root, current)} is a symlink`);
  }
  return { kind: 'sqlite', path: file };
}

/**
 * Whether a config file may choose where sonde writes and connects: only one
 * the user named with `--config` that lies outside the scanned root. The
 * default `<root>/sonde.config.json`, and any config inside the root even when
 * named (CI often passes the repository's own file), belongs to the repository.
 */
export function isTrustedConfig(configPath: string | undefined, explicit: boolean, root: string): boolean {
  if (!configPath || !explicit) return false;
  const relative = path.relative(root, configPath);
  return relative.startsWith('..') || path.isAbsolute(relative);
}

/** Where the cache lives: `--cache-location`, then SONDE_CACHE_LOCATION, then the config file (limited as above), then `<root>/.sonde/cache.sqlite`. */
export function chooseCacheLocation(input: {
  readonly flag: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly configValue: string | undefined;
  readonly configPath: string | undefined;
  readonly configTrusted: boolean;
  readonly cwd: string;
  readonly root: string;
}): CacheStoreLocation {
  if (input.flag) return parseCacheLocation(input.flag, input.cwd, '--cache-location');
  const fromEnv = input.env.SONDE_CACHE_LOCATION;
  if (fromEnv) return parseCacheLocation(fromEnv, input.cwd, 'SONDE_CACHE_LOCATION');
  if (input.configValue) {
    const source = `${input.configPath ?? 'config'}: cacheLocation`;
    return input.configTrusted
      ? parseCacheLocation(input.configValue, input.root, source)
      : parseRepoCacheLocation(input.configValue, input.root, source);
  }
  return { kind: 'sqlite', path: path.join(input.root, '.sonde', 'cache.sqlite') };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
