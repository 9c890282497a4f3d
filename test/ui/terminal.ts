/**
 * Test seams for the UI: fake terminal streams (the same shape Ink reads from
 * process.stdout/stdin), ANSI stripping, and polling for a frame.
 */
import { EventEmitter } from 'node:events';

/** Removes SGR/cursor escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001B\][^\u0007]*\u0007/g, '').replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** A TTY-like output stream with a size that can change (emitting `resize`). */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly chunks: string[] = [];
  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super();
  }
  write = (chunk: string): boolean => {
    this.chunks.push(String(chunk));
    return true;
  };
  /** Everything written so far, without escape sequences. */
  text(): string {
    return stripAnsi(this.chunks.join(''));
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A TTY-like input stream: `press` delivers keys the way Ink reads them. */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  press(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lets React run the effects of the frame just drawn. Ink subscribes to keys
 * in an effect, queued with setImmediate after the commit: a key pressed
 * between the frame and that effect would be lost.
 */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Polls until `read()` satisfies `ok` (returns it, once the frame's effects
 * have run) or the timeout passes (throws with the last value).
 */
export async function waitFor(read: () => string | undefined, ok: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = stripAnsi(read() ?? '');
    if (ok(last)) {
      await settle();
      return last;
    }
    await tick(10);
  }
  throw new Error(`timed out waiting for the frame; last frame:\n${last}`);
}

/** Lines of the live part of an ink-testing-library frame (after any <Static> lines). */
export function lastLines(frame: string, count: number): string[] {
  const lines = frame.split('\n');
  return lines.slice(Math.max(0, lines.length - count));
}
