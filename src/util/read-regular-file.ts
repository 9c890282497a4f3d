/**
 * Reads a small text file that the scanned repository controls (`.gitignore`,
 * `sonde.config.json`, a tsconfig, a saved baseline): only a regular file, no
 * larger than a cap, opened once without blocking (a FIFO named like a
 * config file must not hang the scan) and checked on that descriptor, so
 * `/dev/zero`, `/dev/stdin` or a swapped file are never read. Symlinks to
 * regular files are followed by default; `within` keeps the read inside a
 * root (the file's real path must be there), `noFollow` refuses any link.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isWithin } from './path-within.js';

/** Why a file was not read: a short reason that never quotes the file's content. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: string,
    /** `outside`: the file's real path left the `within` root (callers word that their own way). */
    readonly kind: 'outside' | 'unreadable' = 'unreadable',
  ) {
    super(reason);
  }
}

export interface ReadRegularFileOptions {
  /** Larger files are refused, unread. */
  readonly maxBytes: number;
  /** Refuse a symlink at the last path component (O_NOFOLLOW). */
  readonly noFollow?: boolean;
  /** A real (resolved) folder the file's real path must stay inside; the real path is then read, links refused. */
  readonly within?: string;
}

/** The file's text (UTF-8), or an UnreadableFileError with the reason. */
export function readRegularFile(file: string, options: ReadRegularFileOptions): string {
  return readRegularFileBytes(file, options).toString('utf8');
}

/** The file's bytes (for a caller that hashes them), or an UnreadableFileError with the reason. */
export function readRegularFileBytes(file: string, options: ReadRegularFileOptions): Buffer {
  let target = file;
  if (options.within !== undefined) {
    try {
      target = realpathSync(file);
    } catch (error) {
      throw new UnreadableFileError(`cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (!isWithin(options.within, target)) throw new UnreadableFileError('is outside the root', 'outside');
  }
  const noFollow = options.noFollow === true || options.within !== undefined;
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ELOOP' ? 'is a symbolic link' : `cannot be opened (${code ?? 'error'})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnreadableFileError('is not a regular file');
    if (stats.size > options.maxBytes) throw new UnreadableFileError(`is larger than ${options.maxBytes} bytes`);
    const buffer = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < buffer.length) {
      const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}
