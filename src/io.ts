import type { Readable, Writable } from 'node:stream';

/** A writable terminal-ish stream: isTTY/columns/rows are read when present. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };

/**
 * Everything the CLI touches in the outside world, injected so tests can run
 * `runCli` in-process with fake streams. Only bin/ passes the real process.
 */
export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin?: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
  /** Calls `handler` on SIGTERM; only a command that asks (`sonde worker`) changes what SIGTERM does. */
  readonly onTerminate?: (handler: () => void) => void;
}
