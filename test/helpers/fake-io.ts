import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/io.js';

/** A CliIO whose streams are captured in memory, as a non-TTY (CI-like) process sees them. */
export function fakeIO(options: { cwd: string; env?: Record<string, string>; signal?: AbortSignal }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: CliIO = {
    stdout,
    stderr,
    env: { NO_COLOR: '1', CI: 'true', ...options.env },
    cwd: options.cwd,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return {
    io,
    get stdout() {
      return out;
    },
    get stderr() {
      return err;
    },
  };
}
