import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateProject } from '../../src/generate/index.js';
import type { JsonReport } from '../../src/reporters/json-report.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');

function sonde(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/sonde.js end to end', () => {
  it('scans a fixture to a JSON report (README: npx sonde scan <path> --format json)', () => {
    const run = sonde(['scan', path.join(FIXTURES, 'basic'), '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.files, 6);
    assert.ok(report.summary.findings > 0);
    assert.ok(report.summary.peakRssBytes > 0);
  });

  it('prints a plain, uncoloured pretty report when piped, with the hotspots', () => {
    const run = sonde(['scan', path.join(FIXTURES, 'basic'), '--parallel', '0']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
    assert.match(run.stdout, /classify/);
    assert.match(run.stdout, /parser\.ts/);
  });

  it('exits 1 on findings at --fail-on, 2 on a usage error', () => {
    assert.equal(sonde(['scan', path.join(FIXTURES, 'basic'), '--fail-on', 'warning', '--format', 'json']).code, 1);
    const bad = sonde(['scan', 'no/such/dir']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /No such directory/);
  });

  it('prints --version and --help', () => {
    assert.match(sonde(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match(sonde(['--help']).stdout, /sonde bench/);
  });

  it('leaves quietly when the reader closes the pipe early (sonde scan --format json | head)', async () => {
    const root = makeTempTree({});
    try {
      // 60 files: a report of ~280 KB, several times a pipe's 64 KB (the 200 of size 'small' made 1 MB, for nothing more).
      generateProject({ size: 60, seed: 5, outDir: root });
      const child = spawn(process.execPath, [BIN, 'scan', root, '--parallel', '0', '--format', 'json'], {
        env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The report outgrows the pipe: closing after the first chunk makes the next write fail with EPIPE.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
    } finally {
      removeTree(root);
    }
  });

  it('Ctrl-C mid-scan stops the workers and exits 130 with a clear message', async () => {
    const root = makeTempTree({});
    try {
      generateProject({ size: 'small', seed: 3, outDir: root });
      const child = spawn(process.execPath, [BIN, 'scan', root, '--parallel', '1', '--format', 'json', '--cache'], {
        env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      });
      let stderr = '';
      let interrupted = false;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt once the analysis has started.
        if (/scanning \d+ files/.test(stderr) && !interrupted) {
          interrupted = true;
          setTimeout(() => child.kill('SIGINT'), 50);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      assert.equal(code, 130, stderr);
      assert.match(stderr, /Scan interrupted/);
      // What was analyzed before the interrupt is in the cache: the next scan is correct and partly warm.
      const again = sonde(['scan', root, '--format', 'json', '--cache', '--parallel', '0']);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(JSON.parse(again.stdout).summary.files, 200);
    } finally {
      removeTree(root);
    }
  });

  it('an unreadable file gets a per-file error (as root, the scan runs as nobody so the mode bites)', (t) => {
    const asRoot = process.getuid?.() === 0;
    const probe = (uid: number) =>
      spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'src', 'cli.js'))})`], { uid, gid: uid });
    if (asRoot && probe(65534).status !== 0) {
      t.skip('this checkout is not readable by the unprivileged user; covered by read-source.test');
      return;
    }
    const root = makeTempTree({ 'good.ts': 'export const ok = 1;\n', 'secret.ts': 'export const secret = 2;\n' });
    try {
      chmodSync(root, 0o755);
      chmodSync(path.join(root, 'good.ts'), 0o644);
      chmodSync(path.join(root, 'secret.ts'), 0o000);
      const run = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--parallel', '0'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', CI: 'true' },
        // Root reads any file whatever its mode; an unprivileged user does not.
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      const { files } = JSON.parse(run.stdout) as JsonReport;
      assert.equal(files.find((file) => file.path === 'good.ts')!.error, null);
      const secret = files.find((file) => file.path === 'secret.ts')!;
      assert.equal(secret.error!.code, 'unreadable');
      assert.match(secret.error!.message, /Permission denied/);
    } finally {
      removeTree(root);
    }
  });

  it('--cpu-prof writes a V8 CPU profile of the scan', () => {
    const root = makeTempTree({});
    try {
      const file = path.join(root, 'scan.cpuprofile');
      const run = sonde(['scan', path.join(FIXTURES, 'basic'), '--format', 'json', '--cpu-prof', file]);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(existsSync(file));
      const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[]; samples: unknown[] };
      assert.ok(profile.nodes.length > 10 && profile.samples.length > 0);
    } finally {
      removeTree(root);
    }
  });
});
