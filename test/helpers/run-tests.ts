/**
 * `npm test`: runs every compiled `test/**\/*.test.ts(x)` with `node --test`
 * (Node 20 takes no globs; helpers are never run as test files, and stale
 * files in dist/ are not picked up), with the reporter that lists skipped
 * tests before the summary. Every temporary folder and tmux socket of the
 * run lives under one parent folder (TMPDIR, TMUX_TMPDIR), removed at exit.
 *
 *   node dist/test/helpers/run-tests.js [node --test args / files…]
 *   SONDE_TEST_CONCURRENCY=N (default: cores + 1, at most 8), SONDE_TEST_SLOWEST=N (reporter.ts)
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { lastDurations } from './reporter.js';
import { REPO_ROOT } from './temp-tree.js';

/**
 * Test files in the source tree, as their compiled paths (relative to the
 * repository root), the slowest of the last run first, so that no long file
 * starts last and runs alone at the end. A file not timed yet counts as 1 s
 * (the reporter times each file's whole run, its process included).
 */
export function testFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.test\.tsx?$/.test(entry.name)) found.push(path.join('dist', rel.replace(/\.tsx?$/, '.js')));
    }
  };
  walk('test');
  const last = lastDurations();
  const time = (file: string) => last[file] ?? 1000;
  return found.sort((a, b) => time(b) - time(a) || a.localeCompare(b));
}

/**
 * tsc -b trusts its build info: a compiled file deleted by hand is not
 * written again. When one is missing, rebuild everything once.
 */
function rebuildIfMissing(files: readonly string[]): void {
  const missing = files.filter((file) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length === 0) return;
  process.stderr.write(`${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''} missing from dist/: rebuilding (tsc -b --force)\n`);
  const tsc = createRequire(path.join(REPO_ROOT, 'package.json')).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', '--force'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Free space a memory-backed temp folder must have to be used (the largest run writes a few hundred MB). */
const SHM_MIN_FREE_BYTES = 2 * 1024 ** 3;
const TMPFS_MAGIC = 0x01021994;

/**
 * Where the run's temp folder goes: TMPDIR when set; otherwise /dev/shm when
 * it is a writable tmpfs with room, else the system's temp folder. The tests
 * write real files, SQLite caches and sockets there; on a memory-backed file
 * system their commits wait for no disk (on this machine, /tmp is the root
 * disk: a busy disk costs the suite seconds of waiting, not CPU).
 */
function tempBase(): string {
  if (process.env.TMPDIR) return process.env.TMPDIR;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    const fs = statfsSync('/dev/shm');
    if (fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= SHM_MIN_FREE_BYTES) return '/dev/shm';
  } catch {
    // no /dev/shm (macOS, Windows) or not ours to write
  }
  return os.tmpdir();
}

/**
 * Test files run at once: one more than the cores (at most 8). The suite is
 * CPU-bound, but some files wait by design (queue deadlines, lock waits) and
 * an extra file fills that time: on 2 cores, 3 at once took 88.1 and 88.2 s
 * where 2 took 90.6 and 91.4 s (quiet, paired, temp files on /dev/shm).
 * SONDE_TEST_CONCURRENCY=N to compare on another machine.
 */
function concurrency(): number {
  const asked = Number(process.env.SONDE_TEST_CONCURRENCY);
  return Number.isInteger(asked) && asked >= 1 ? asked : Math.min(8, os.availableParallelism() + 1);
}

function main(): void {
  const args = process.argv.slice(2);
  const files = args.length ? args : testFiles();
  if (!args.length) rebuildIfMissing(files);
  const runDir = mkdtempSync(path.join(tempBase(), 'sonde-test-run-'));
  // Like /tmp: some tests run a scan as an unprivileged user on files in here.
  chmodSync(runDir, 0o1777);
  const reporter = path.join(import.meta.dirname, 'reporter.js');
  const child = spawn(
    process.execPath,
    ['--test', `--test-reporter=${reporter}`, '--test-reporter-destination=stdout', `--test-concurrency=${concurrency()}`, ...files],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, TMPDIR: runDir, TMUX_TMPDIR: runDir, XDG_CACHE_HOME: path.join(runDir, 'xdg-cache') } },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    try {
      rmSync(runDir, { recursive: true, force: true });
    } catch (error) {
      process.stderr.write(`could not remove the run's temp folder ${runDir}: ${(error as Error).message}\n`);
    }
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}

main();
