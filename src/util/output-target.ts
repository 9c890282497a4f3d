/**
 * Files the user names for output (`-o`, `--export-*`, `--cpu-prof`,
 * baselines): checked before any work starts, written at the end.
 *
 * A regular file (or a new one) is written through a temporary file and
 * renamed, so a reader never sees half a report. A character device, a FIFO
 * or a symbolic link is written THROUGH — the existing target is opened for
 * writing and never replaced — so `-o /dev/stdout`, `-o /dev/null` and
 * process substitution (`-o >(gzip > r.gz)`) work as in hyperfine, and a
 * device node is never turned into a regular file.
 *
 * Paths sonde picks itself inside the scanned (untrusted) root, such as the
 * default baseline folder, pass `noLinksBelow`: a symbolic link anywhere
 * between that folder and the file is refused, so a committed `.sonde`
 * link cannot redirect the write outside the root.
 */
import { accessSync, closeSync, constants, fstatSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { makeDirs } from './make-dirs.js';
import { isWithin } from './path-within.js';

/** A checked output path and how it will be written. */
export interface OutputTarget {
  readonly file: string;
  /** What the user called it in messages, e.g. `--export-json`. */
  readonly label: string;
  /** `replace`: temp file + rename; `through`: open the existing device/FIFO/link target and write; `fd`: an inherited descriptor. */
  readonly mode: 'replace' | 'through' | 'fd';
  /** For `fd`: `/dev/stdout` is 1, `/dev/fd/3` is 3 (written directly: a socket cannot be reopened by name). */
  readonly fd?: number;
}

const NAMED_FD = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/;
const STANDARD: Readonly<Record<string, number>> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

/** The descriptor a path like `/dev/stdout` or `/dev/fd/3` names, if it names one. */
function namedDescriptor(file: string): number | undefined {
  const standard = STANDARD[file];
  if (standard !== undefined) return standard;
  const match = NAMED_FD.exec(file);
  return match ? Number(match[1]) : undefined;
}

interface OutputTargetOptions {
  /** A folder sonde chose inside the untrusted root: no symbolic link from it down to the file. */
  readonly noLinksBelow?: string;
}

const fail = (label: string, file: string, why: string): UserError =>
  new UserError('OUTPUT_UNWRITABLE', `cannot write ${label} ${file}: ${why}.`);

function lstatOrUndefined(file: string, label: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw fail(label, file, describeErrno(error));
  }
}

function writable(file: string, label: string, what: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch {
    throw fail(label, file, `${what} is not writable`);
  }
}

/** The nearest folder that exists on the way up must be a writable directory (missing ones are created at write time). */
function checkParent(file: string, label: string, noLinksBelow: string | undefined): void {
  let dir = path.dirname(file);
  for (;;) {
    const stats = lstatOrUndefined(dir, label);
    if (stats) {
      if (stats.isSymbolicLink() && noLinksBelow !== undefined && isWithin(noLinksBelow, dir)) {
        throw fail(label, file, `${dir} is a symbolic link`);
      }
      let target: Stats;
      try {
        target = stats.isSymbolicLink() ? statSync(dir) : stats;
      } catch (error) {
        throw fail(label, file, describeErrno(error));
      }
      if (!target.isDirectory()) throw fail(label, file, `${dir} is not a directory`);
      probe(dir, file, label);
      return;
    }
    const up = path.dirname(dir);
    if (up === dir) throw fail(label, file, 'no existing parent folder');
    dir = up;
  }
}

/**
 * Creates and removes the temporary file the write will use: the only test
 * that also holds for root, read-only mounts and /proc, where access(2) says yes.
 */
function probe(dir: string, file: string, label: string): void {
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(label, file, code === 'EEXIST' ? `${temporary} is in the way` : `the folder ${dir} is not writable (${describeErrno(error)})`);
  }
  closeSync(fd);
  unlinkSync(temporary);
}

/**
 * Checks that `file` can be written, without writing anything; throws a
 * one-line UserError (exit 2) if not. Call before the scan or benchmark.
 */
export function checkOutputTarget(file: string, label: string, options: OutputTargetOptions = {}): OutputTarget {
  const absolute = path.resolve(file);
  const fd = namedDescriptor(absolute);
  if (fd !== undefined && options.noLinksBelow === undefined) {
    try {
      fstatSync(fd);
    } catch {
      throw fail(label, absolute, `descriptor ${fd} is not open`);
    }
    return { file: absolute, label, mode: 'fd', fd };
  }
  const stats = lstatOrUndefined(absolute, label);
  if (options.noLinksBelow !== undefined) checkNoLinksBelow(options.noLinksBelow, absolute, label);
  if (!stats) {
    checkParent(absolute, label, options.noLinksBelow);
    return { file: absolute, label, mode: 'replace' };
  }
  if (stats.isSymbolicLink()) {
    if (options.noLinksBelow !== undefined) throw fail(label, absolute, 'it is a symbolic link');
    let target: Stats;
    try {
      target = statSync(absolute);
    } catch {
      throw fail(label, absolute, 'it is a symbolic link to a missing file');
    }
    if (target.isDirectory()) throw fail(label, absolute, 'it is a link to a directory');
    if (!target.isFile() && !target.isCharacterDevice() && !target.isFIFO()) {
      throw fail(label, absolute, 'it links to something that is not a file, a FIFO or a character device');
    }
    writable(absolute, label, 'the link target');
    return { file: absolute, label, mode: 'through' };
  }
  if (stats.isDirectory()) throw fail(label, absolute, 'it is a directory');
  if (stats.isCharacterDevice() || stats.isFIFO()) {
    writable(absolute, label, 'it');
    return { file: absolute, label, mode: 'through' };
  }
  if (!stats.isFile()) throw fail(label, absolute, 'it is not a regular file, a FIFO or a character device');
  checkParent(absolute, label, options.noLinksBelow);
  return { file: absolute, label, mode: 'replace' };
}

/** Every existing component from `base` (exclusive) down to `file`'s folder must be a real directory. */
function checkNoLinksBelow(base: string, file: string, label: string): void {
  if (!isWithin(base, file)) return;
  const parts = path.relative(base, path.dirname(file)).split(path.sep).filter(Boolean);
  let current = base;
  for (const part of parts) {
    current = path.join(current, part);
    const stats = lstatOrUndefined(current, label);
    if (!stats) return;
    if (stats.isSymbolicLink()) throw fail(label, file, `${current} is a symbolic link`);
  }
}

/**
 * Writes `chunks` to a checked target. A failure (disk full, target gone,
 * permissions changed meanwhile) is a one-line UserError, never a stack.
 */
export function writeOutput(target: OutputTarget, chunks: Iterable<string> | string): void {
  const parts = typeof chunks === 'string' ? [chunks] : chunks;
  try {
    if (target.mode !== 'replace') {
      try {
        if (target.mode === 'fd') writeAll(target.fd!, parts, false);
        else writeAll(openSync(target.file, constants.O_WRONLY | constants.O_TRUNC | constants.O_NOCTTY), parts);
      } catch (error) {
        // `-o /dev/stdout | head`: the reader closing early is its choice, not a failure (as for stdout).
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      }
      return;
    }
    makeDirs(path.dirname(target.file));
    const temporary = path.join(path.dirname(target.file), `.${path.basename(target.file)}.${process.pid}.tmp`);
    // O_EXCL: never follow or reuse a file someone left at the temporary name.
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try {
      writeAll(fd, parts);
      renameSync(temporary, target.file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // already gone
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('OUTPUT_WRITE_FAILED', `could not write ${target.label} ${target.file}: ${describeErrno(error)}.`);
  }
}

function writeAll(fd: number, chunks: Iterable<string>, close = true): void {
  try {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      let offset = 0;
      while (offset < buffer.length) {
        try {
          offset += writeSync(fd, buffer, offset, buffer.length - offset);
        } catch (error) {
          // An inherited pipe may be non-blocking: wait for the reader instead of failing.
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        }
      }
    }
  } finally {
    if (close) closeSync(fd);
  }
}

/** `ENOSPC: no space left on device` without the syscall and path Node appends. */
function describeErrno(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const message = typeof e?.message === 'string' ? e.message.split(',')[0]! : String(error);
  return message.replace(/[\r\n]+/g, ' ');
}
