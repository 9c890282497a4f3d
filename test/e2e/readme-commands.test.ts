import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validateConfig } from '../../src/config/config-file.js';
import { parseJsonc } from '../../src/util/jsonc.js';
import { startRedisServer, type RedisServer } from '../cache/helpers/redis-server.js';
import { requireProgram } from '../helpers/require-program.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

/**
 * Keeps the README true: every `npx sonde …` line in its sh blocks runs here,
 * against a copy of fixtures/basic, and must exit 0 or 1 (1 = findings).
 * A redis:// URL in a command is pointed at a redis-server started here, and
 * the command must really use it (no "cache unavailable" warning); those
 * commands alone skip when redis-server is missing outside CI.
 * `npm install` and `npm test` are what CI itself runs.
 */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  // The CI job's `- run: npx sonde …` steps are README commands too.
  const steps = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((match) =>
    match[1]!.split('\n').flatMap((line) => /^\s*- run: (npx sonde .*)$/.exec(line)?.[1] ?? []),
  );
  const lines = blocks.flatMap((block) => block.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('npx sonde')));
  return [...lines, ...steps];
}

/** The lint-staged command of the README's example (lint-staged appends the staged files to it). */
function lintStagedCommand(): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const example = /```json\n(\{ "lint-staged"[\s\S]*?)```/.exec(readme)![1]!;
  const tasks = Object.values((JSON.parse(example) as { 'lint-staged': Record<string, string> })['lint-staged']);
  assert.equal(tasks.length, 1);
  return tasks[0]!;
}

describe('README commands', () => {
  const workdir = makeTempTree({});
  cpSync(path.join(FIXTURES, 'basic'), workdir, { recursive: true });
  after(() => removeTree(workdir));
  const commands = readmeCommands();
  const usesRedis = (command: string) => /rediss?:\/\//.test(command);
  const redisSkip = commands.some(usesRedis) && requireProgram('redis-server');
  let redis: RedisServer | undefined;
  before(async () => {
    if (commands.some(usesRedis) && !redisSkip) redis = await startRedisServer();
  });
  after(() => redis?.stop());

  it('the README has sonde commands to check', () => assert.ok(commands.length >= 5, commands.join('\n')));

  it('the sonde.config.jsonc example is a valid config', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = validateConfig(parseJsonc(example));
    assert.equal(config.rules?.complexity && typeof config.rules.complexity === 'object' && config.rules.complexity.threshold, 15);
    assert.equal(config.maxFileSize, 2_000_000);
  });

  it('the lint-staged example scans exactly the staged files it is given', () => {
    const command = lintStagedCommand();
    assert.match(command, /^sonde scan /);
    const staged = ['src/parser.ts', 'src/util/format.ts'];
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'sonde.js'), ...command.split(' ').slice(1), '--format', 'json', ...staged], {
      cwd: workdir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr}`);
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((file) => file.path), ['parser.ts', 'util/format.ts']);
    const compact = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'sonde.js'), ...command.split(' ').slice(1), ...staged], {
      cwd: workdir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    for (const line of compact.stdout.split('\n').filter(Boolean)) assert.match(line, /^src\/(parser|util\/format)\.ts:\d+:\d+: /);
  });

  it('the programmatic example runs', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const snippet = /## Programmatic use\n+```js\n([\s\S]*?)```/.exec(readme)![1]!;
    // Inside the package, so `import … from 'sonde'` resolves through package.json "exports".
    const file = path.join(REPO_ROOT, 'dist', 'readme-snippet.mjs');
    writeFileSync(file, snippet);
    try {
      const run = spawnSync(process.execPath, [file], { cwd: workdir, encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /src\/parser\.ts/);
    } finally {
      rmSync(file, { force: true });
    }
  });

  /** A `sonde worker` line starts a worker that serves the README's next `--queue` scan, as in the docs, and is stopped after it. */
  let worker: { readonly child: ChildProcess; readonly exited: Promise<number | null>; stderr: string } | undefined;
  after(() => worker?.child.kill('SIGKILL'));

  for (const command of commands) {
    it(command, { skip: usesRedis(command) && redisSkip }, async () => {
      const shell = command
        .replace(/^npx sonde/, `"${process.execPath}" "${path.join(REPO_ROOT, 'bin', 'sonde.js')}"`)
        .replace(/rediss?:\/\/\S+/g, () => `${redis!.url}/0`)
        // A CI matrix step runs as the matrix's first job would (`--shard ${{ matrix.shard }}/4` → `--shard 1/4`).
        .replace(/\$\{\{ matrix\.\w+ \}\}/g, '1');
      const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
      if (/^npx sonde worker /.test(command)) {
        assert.equal(worker, undefined, 'a worker line is followed by the --queue scan it serves');
        // exec: the signal reaches sonde itself, not the shell.
        const child = spawn('sh', ['-c', `exec ${shell}`], { cwd: workdir, env, stdio: ['ignore', 'ignore', 'pipe'] });
        const started = { child, exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))), stderr: '' };
        worker = started;
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (started.stderr += chunk));
        const deadline = Date.now() + 60_000;
        while (!started.stderr.includes('waiting for jobs') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.match(started.stderr, /sonde worker: waiting for jobs on /);
        return;
      }
      // `sonde generate --out DIR` makes a project of its own: in a folder of its own, so the README's
      // later `sonde tune .` / `scan .` lines scan the project they show, not 200 generated files too.
      const generated = /^npx sonde generate .*--out (\S+)/.exec(command)?.[1];
      const cwd = generated ? makeTempTree({}) : workdir;
      try {
        const run = spawnSync('sh', ['-c', shell], { cwd, encoding: 'utf8', env, timeout: 300_000 });
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr}`);
        if (generated) assert.ok(readdirSync(path.join(cwd, generated), { recursive: true }).some((name) => String(name).endsWith('.ts')), 'it generated a project');
        if (usesRedis(command)) assert.doesNotMatch(run.stderr, /Cache disabled|Cannot use the Redis cache/);
      } finally {
        if (cwd !== workdir) removeTree(cwd);
      }
      if (/ --queue /.test(command)) {
        assert.ok(worker, 'the README starts a worker before a --queue scan');
        const served = worker;
        worker = undefined;
        served.child.kill('SIGTERM');
        assert.equal(await served.exited, 0, `the worker ends cleanly on SIGTERM\n${served.stderr}`);
      }
    });
  }
});
