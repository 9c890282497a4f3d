/**
 * Tests that need a system program (redis-server, cloc, tmux, chromium).
 * Outside CI a missing program skips those tests with one line naming it and
 * how to install it. Under CI (`CI` set) a missing program fails: .ci/run
 * installs every one, so nothing is skipped silently there.
 *
 *   describe('…', { skip: requireProgram('tmux') }, () => { … });
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

interface Program {
  /** Names to look for on PATH, first found wins. */
  readonly commands: readonly string[];
  readonly install: string;
}

const PROGRAMS = {
  'redis-server': { commands: ['redis-server'], install: 'apt-get install redis-server, or brew install redis' },
  cloc: { commands: ['cloc'], install: 'apt-get install cloc, or brew install cloc' },
  tmux: { commands: ['tmux'], install: 'apt-get install tmux, or brew install tmux' },
  chromium: { commands: ['chromium', 'chromium-browser'], install: 'apt-get install chromium' },
} as const satisfies Record<string, Program>;

export type ProgramName = keyof typeof PROGRAMS;

/** The program's full path on PATH, or undefined. No process is started. */
export function findProgram(name: ProgramName): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const command of PROGRAMS[name].commands) {
    for (const dir of dirs) {
      const file = path.join(dir, command);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const reported = new Set<ProgramName>();

/**
 * `false` when the program is installed (run the tests); otherwise the skip
 * reason. Under CI a missing program also adds one failing test that says so.
 */
export function requireProgram(name: ProgramName): string | false {
  if (findProgram(name) !== undefined) return false;
  const reason = `${name} not installed (${PROGRAMS[name].install}); CI installs it`;
  if (process.env.CI && !reported.has(name)) {
    reported.add(name);
    test(`${name} is installed (CI requires it)`, () => {
      throw new Error(`${name} is not on PATH, and CI must run every test. Install it: ${PROGRAMS[name].install}.`);
    });
  }
  return reason;
}

/** The program's path; throws when missing (call it only where requireProgram returned false). */
export function programPath(name: ProgramName): string {
  const found = findProgram(name);
  if (found === undefined) throw new Error(`${name} is not installed (${PROGRAMS[name].install})`);
  return found;
}
