/**
 * The user's private cache folder (`$XDG_CACHE_HOME/sonde`, else
 * `~/.cache/sonde`): the one place outside the scanned root that sonde
 * trusts. It holds the secret that authenticates cache entries and the V8
 * code cache. Trusted only while it is ours alone: a real directory (not a
 * symlink), owned by this user, that neither group nor others can write.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDirs } from '../util/make-dirs.js';

/** The environment variables this module reads. */
export type CacheEnv = Readonly<Record<string, string | undefined>>;

/** Bytes of a generated secret. */
const SECRET_BYTES = 32;
/** A secret from the environment (a fleet sharing Redis) must be at least this long. */
const MIN_ENV_SECRET_CHARS = 32;
const SECRET_FILE = 'secret';

/** `$XDG_CACHE_HOME/sonde` when that is an absolute path (as the XDG spec requires), else `~/.cache/sonde`. */
export function userCacheDir(env: CacheEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'sonde');
  return path.join(env.HOME || os.homedir(), '.cache', 'sonde');
}

/** The folder's problem, or undefined when it is safe to trust (it must exist). Never throws. */
export function unsafeDirReason(dir: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return `cannot read ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (stat.isSymbolicLink()) return `${dir} is a symlink`;
  if (!stat.isDirectory()) return `${dir} is not a directory`;
  if (process.getuid && stat.uid !== process.getuid()) return `${dir} belongs to another user (uid ${stat.uid})`;
  if ((stat.mode & 0o022) !== 0) return `${dir} can be written by group or others (mode ${(stat.mode & 0o777).toString(8)})`;
  return undefined;
}

/**
 * Creates `dir` (mode 0700, parents as the umask says) if missing and checks
 * it is private. Returns the problem when it is not, else undefined.
 */
export function ensurePrivateDir(dir: string): string | undefined {
  try {
    makeDirs(path.dirname(dir));
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      return `cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }
  return unsafeDirReason(dir);
}

/** The key that authenticates cache entries, or why there is none. */
type SecretResult = { readonly ok: true; readonly secret: Buffer } | { readonly ok: false; readonly reason: string };

/**
 * `SONDE_CACHE_SECRET` when set (machines sharing a Redis cache must share
 * it), else the 32 random bytes in `<private folder>/secret`, created with
 * mode 0600 on first use. Never throws.
 */
export function cacheSecret(env: CacheEnv = process.env): SecretResult {
  const fromEnv = env.SONDE_CACHE_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_ENV_SECRET_CHARS) {
      return { ok: false, reason: `SONDE_CACHE_SECRET is shorter than ${MIN_ENV_SECRET_CHARS} characters (try \`openssl rand -hex 32\`)` };
    }
    return { ok: true, secret: Buffer.from(fromEnv, 'utf8') };
  }
  const dir = userCacheDir(env);
  const problem = ensurePrivateDir(dir);
  if (problem) return { ok: false, reason: `the private cache folder is not safe: ${problem}` };
  const file = path.join(dir, SECRET_FILE);
  return readSecret(file) ?? createSecret(file);
}

function readSecret(file: string): SecretResult | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { ok: false, reason: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    // Checked on the open descriptor: what is read is what was checked.
    const stat = fstatSync(fd);
    if (!stat.isFile() || (process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o077) !== 0 || stat.size !== SECRET_BYTES) {
      return { ok: false, reason: `${file} is not a private ${SECRET_BYTES}-byte file of this user (mode 0600); remove it to get a new one` };
    }
    const secret = Buffer.alloc(SECRET_BYTES);
    if (readSync(fd, secret, 0, SECRET_BYTES, 0) !== SECRET_BYTES) return { ok: false, reason: `${file} is truncated` };
    return { ok: true, secret };
  } finally {
    closeSync(fd);
  }
}

/** Writes a temp file, then links it into place: of two scans creating at once, both end up with the same secret. */
function createSecret(file: string): SecretResult {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, randomBytes(SECRET_BYTES));
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    return { ok: false, reason: `cannot create ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
  }
  return readSecret(file) ?? { ok: false, reason: `${file} vanished` };
}
