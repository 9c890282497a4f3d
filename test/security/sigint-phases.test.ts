/**
 * Ctrl-C ends a scan within a couple of seconds with exit 130 and one
 * "Scan interrupted." line, whatever phase it is in. The signal is sent when
 * the NDJSON progress stream announces the phase, so each case is reached
 * for real rather than guessed with a sleep.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateProject } from '../../src/generate/index.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');
/** Generous for a loaded CI machine; the process itself gives up after 0.6 s. */
const BOUND_MS = 2500;

interface Interrupted {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly afterSignalMs: number;
  readonly sent: boolean;
}

/** Spawns `sonde ARGV…` and sends SIGINT as soon as its stderr so far satisfies `ready`. */
function interruptWhen(argv: string[], ready: (stderr: string) => boolean): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sentAt: number | undefined;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (sentAt === undefined && ready(stderr)) {
        sentAt = performance.now();
        child.kill('SIGINT');
      }
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr, sent: sentAt !== undefined, afterSignalMs: sentAt === undefined ? 0 : performance.now() - sentAt });
    });
  });
}

/** A scan interrupted when the NDJSON progress announces `phase`. */
function interruptAt(args: string[], phase: string): Promise<Interrupted> {
  return interruptWhen(['scan', ...args, '--progress', 'ndjson', '--format', 'json'], (stderr) =>
    stderr.includes(`"type":"phase:start","phase":"${phase}"`),
  );
}

describe('Ctrl-C during a scan', () => {
  let root = '';
  let cacheDir = '';
  before(() => {
    root = makeTempTree({}, 'sonde-sigint-');
    cacheDir = makeTempTree({}, 'sonde-sigint-cache-');
    generateProject({ size: 'small', seed: 3, outDir: root });
  });
  after(() => {
    removeTree(root);
    removeTree(cacheDir);
  });

  const cases: [string, string[], string][] = [
    ['discovery', ['--no-cache', '--parallel', '0'], 'discover'],
    ['sequential analysis', ['--no-cache', '--parallel', '0'], 'analyze'],
    ['parallel analysis', ['--no-cache', '--parallel', '2'], 'analyze'],
    ['the cache read', ['--cache'], 'cache-read'],
  ];

  for (const [name, flags, phase] of cases) {
    it(`in ${name}: exit 130 within ${BOUND_MS} ms, one "Scan interrupted." line`, async () => {
      const cacheFlags = flags.includes('--cache') ? ['--cache-location', path.join(cacheDir, 'cache.sqlite')] : [];
      const run = await interruptAt([root, ...flags, ...cacheFlags], phase);
      assert.ok(run.sent, `phase ${phase} never started:\n${run.stderr}`);
      // 130 from a clean stop; or, when the stop overran its grace period on a loaded machine,
      // death by SIGINT itself (what the shell also reports as 130).
      assert.ok(run.code === 130 || run.signal === 'SIGINT', `code ${run.code}, signal ${run.signal}\n${run.stderr}`);
      assert.ok(run.afterSignalMs < BOUND_MS, `took ${run.afterSignalMs.toFixed(0)} ms after the signal`);
      const lines = run.stderr.split('\n').filter((line) => !line.startsWith('{') && line !== '');
      assert.deepEqual(lines, ['sonde: Scan interrupted.']);
    });
  }
});

describe('Ctrl-C during a benchmark', () => {
  it(`exits 130 within ${BOUND_MS} ms with one "Benchmark interrupted." line (it used to exit 2)`, async () => {
    const run = await interruptWhen(['bench', path.join(FIXTURES, 'basic'), '--no-ui', '--runs', '20'], (stderr) => /warm-up|run \d/.test(stderr));
    assert.ok(run.sent, run.stderr);
    assert.ok(run.afterSignalMs < BOUND_MS, `took ${run.afterSignalMs.toFixed(0)} ms after the signal`);
    assert.ok(run.code === 130 || run.signal === 'SIGINT', `code ${run.code}, signal ${run.signal}\n${run.stderr}`);
    assert.match(run.stderr, /interrupted\.\n$/);
  });
});
