/**
 * A private tmux server for one test file: its socket in a folder of its
 * own, so parallel tests and the user's sessions are untouched, and the
 * screen read with `capture-pane`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeTempDir, removeTree } from './temp-tree.js';

export interface PrivateTmux {
  /** The server's folder (its socket, and room for a test's exit files), removed by `close`. */
  readonly dir: string;
  tmux(...args: string[]): { status: number | null; stdout: string };
  /** The session's screen as text. */
  screen(): string;
  /** The screen once `ok` accepts it; a bound on the wait so a broken view fails instead of hanging (not a timing assertion). */
  waitForScreen(ok: (text: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** Kills the server and removes its folder. */
  close(): void;
}

export function privateTmux(prefix: string, session: string): PrivateTmux {
  const dir = makeTempDir(prefix);
  const socket = path.join(dir, 'tmux.sock');
  const tmux = (...args: string[]) => {
    const run = spawnSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout };
  };
  const screen = () => tmux('capture-pane', '-p', '-t', session).stdout;
  return {
    dir,
    tmux,
    screen,
    async waitForScreen(ok, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = screen();
        if (ok(last)) return last;
        await new Promise((r) => setTimeout(r, 40));
      }
      throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
    },
    close() {
      tmux('kill-server');
      removeTree(dir);
    },
  };
}
