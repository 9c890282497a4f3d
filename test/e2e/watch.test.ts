/**
 * `sonde scan --watch` as a user runs it: a real child process on a real
 * temporary tree, its NDJSON progress read line by line. Each step edits the
 * tree, waits for the `scan:done` that lists the change, and (at the points
 * that matter) compares the rewritten `-o` report with a fresh cold scan of
 * the same tree: `files` and findings must be identical (the results
 * invariant). No timing is asserted: every wait is for an event.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempTree, removeTree, REPO_ROOT } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin/sonde.js');
const ENV = { ...process.env, NO_COLOR: '1', CI: 'true' };

type Event = { type: string; changed?: string[]; code?: string; message?: string; files?: number };

/** The watch child and its events, in order, waited for one by one. */
class WatchChild {
  readonly child: ChildProcessWithoutNullStreams;
  readonly #events: Event[] = [];
  #waiters: (() => void)[] = [];
  #read = 0;
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [BIN, 'scan', ...args, '--watch', '--no-ui', '--progress', 'ndjson'], { env: ENV });
    createInterface({ input: this.child.stderr }).on('line', (line) => {
      this.stderr += `${line}\n`;
      if (!line.startsWith('{')) return;
      this.#events.push(JSON.parse(line) as Event);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The next event (after those already taken) that `matches`; fails if the child exits first. */
  async next(matches: (event: Event) => boolean, what: string): Promise<Event> {
    for (;;) {
      while (this.#read < this.#events.length) {
        const event = this.#events[this.#read++];
        if (matches(event)) return event;
      }
      const exited = await Promise.race([
        new Promise<false>((resolve) => this.#waiters.push(() => resolve(false))),
        this.exited.then(() => true),
      ]);
      if (exited && this.#read >= this.#events.length) throw new Error(`the watcher exited before ${what}:\n${this.stderr}`);
    }
  }

  /** The next `scan:done` that lists every one of `paths`. */
  async done(...paths: string[]): Promise<Event> {
    return this.next((event) => event.type === 'scan:done' && paths.every((p) => event.changed?.includes(p)), `scan:done for ${paths.join(', ')}`);
  }
}

/** `files` and findings of a JSON report, the parts every strategy must agree on. */
function stable(json: string): unknown {
  const report = JSON.parse(json) as { files: unknown; findings: unknown };
  return { files: report.files, findings: report.findings };
}

/**
 * The reference: a cold scan (no cache, so no memo) through runCli in this
 * process, apart from the watch child; a child of its own would only add
 * ~0.4 s of parser start-up per comparison.
 */
async function assertSameAsColdScan(root: string, reportFile: string): Promise<void> {
  const cold = fakeIO({ cwd: root, env: ENV as Record<string, string> });
  assert.equal(await runCli(['scan', root, '--format', 'json', '--parallel', '0', '--no-cache', '--fail-on', 'never'], cold.io), 0, cold.stderr);
  assert.deepEqual(stable(readFileSync(reportFile, 'utf8')), stable(cold.stdout));
}

const COMPLEX = (name: string) =>
  `export function ${name}(a: number, b: number) {\n${Array.from({ length: 12 }, (_, i) => `  if (a > ${i} && b < ${i}) return ${i};\n`).join('')}  return 0;\n}\n`;

describe('sonde scan --watch', () => {
  it('follows edits, new, deleted and renamed files, .gitignore and parse errors, and matches a cold scan after each', async () => {
    const root = makeTempTree({
      'src/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
      'src/b.ts': "import { a } from './a';\nexport const b = () => 1;\nexport const unusedB = a;\n",
      'src/c.ts': COMPLEX('c'),
      'src/d.js': 'export function d() { return 1; }\n',
    });
    const reportDir = makeTempTree({});
    const report = path.join(reportDir, 'report.json');
    const watch = new WatchChild([root, '--format', 'json', '-o', report, '--fail-on', 'never', '--parallel', '0']);
    try {
      const first = await watch.next((event) => event.type === 'scan:done', 'the first scan');
      assert.equal(first.changed, undefined, 'the first scan is a full one');
      assert.equal(first.files, 4);

      // An edit: the file's findings appear, its cycle with b.ts is gone.
      writeFileSync(path.join(root, 'src/a.ts'), `export const a = () => 2;\n${COMPLEX('a2')}`);
      assert.deepEqual((await watch.done('src/a.ts')).changed, ['src/a.ts']);
      await assertSameAsColdScan(root, report);

      // A new file in a new folder, a deletion, a rename.
      mkdirSync(path.join(root, 'src/new'));
      writeFileSync(path.join(root, 'src/new/e.ts'), "import { b } from '../b';\nexport const e = b;\n");
      await watch.done('src/new/e.ts');
      rmSync(path.join(root, 'src/c.ts'));
      await watch.done('src/c.ts');
      renameSync(path.join(root, 'src/d.js'), path.join(root, 'src/d2.js'));
      // The two halves of a rename may come in one batch or two.
      const seen = new Set<string>();
      await watch.next((event) => {
        for (const changed of event.type === 'scan:done' ? (event.changed ?? []) : []) seen.add(changed);
        return seen.has('src/d.js') && seen.has('src/d2.js');
      }, 'both halves of the rename');
      await assertSameAsColdScan(root, report);

      // A parse error is a finding, never the end of the watcher.
      writeFileSync(path.join(root, 'src/broken.ts'), 'export const = ;;; function (\n');
      await watch.done('src/broken.ts');
      writeFileSync(path.join(root, 'src/b.ts'), 'export const b = () => 3;\n');
      await watch.done('src/b.ts');

      // .gitignore changes what is scanned.
      writeFileSync(path.join(root, '.gitignore'), 'src/new/\n');
      await watch.done('src/new/e.ts');
      await assertSameAsColdScan(root, report);
    } finally {
      watch.child.kill('SIGINT');
      await watch.exited;
      removeTree(root);
      removeTree(reportDir);
    }
    assert.match(watch.stderr, /Scan interrupted/);
  });

  it('writes the facts of changed files to the cache (--cache): the next scan is all hits', async () => {
    const root = makeTempTree({ 'a.ts': 'export const a = 1;\n', 'b.ts': "import { a } from './a';\nexport const b = a;\n" });
    const cacheDir = makeTempTree({});
    const cacheFile = path.join(cacheDir, 'cache.sqlite');
    const watch = new WatchChild([root, '--format', 'json', '--parallel', '0', '--cache', '--cache-location', cacheFile]);
    try {
      await watch.next((event) => event.type === 'scan:done', 'the first scan');
      writeFileSync(path.join(root, 'a.ts'), `export const a = 2;\n${COMPLEX('grown')}`);
      await watch.done('a.ts');
      watch.child.kill('SIGINT');
      assert.equal(await watch.exited, 130);
      const warm = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--cache', '--cache-location', cacheFile, '--fail-on', 'never'], {
        env: ENV,
        encoding: 'utf8',
      });
      assert.equal(warm.status, 0, warm.stderr);
      const { hits, misses } = JSON.parse(warm.stdout).summary.cache as { hits: number; misses: number };
      assert.deepEqual({ hits, misses }, { hits: 2, misses: 0 });
    } finally {
      watch.child.kill('SIGINT');
      await watch.exited;
      removeTree(root);
      removeTree(cacheDir);
    }
  });

  it('re-creates the options when the config file changes, and keeps the last good ones when it breaks', async () => {
    const root = makeTempTree({ 'a.ts': COMPLEX('a') });
    const watch = new WatchChild([root, '--format', 'json', '--parallel', '0', '--fail-on', 'never']);
    try {
      await watch.next((event) => event.type === 'scan:done', 'the first scan');
      writeFileSync(path.join(root, 'sonde.config.json'), '{ "rules": { "complexity": "off" } }\n');
      await watch.done('sonde.config.json');
      writeFileSync(path.join(root, 'sonde.config.json'), '{ "rules": ');
      const warning = await watch.next((event) => event.type === 'warning' && event.code === 'config', 'the broken config warning');
      assert.match(warning.message ?? '', /previous configuration/);
      // Still alive and still watching.
      writeFileSync(path.join(root, 'b.ts'), 'export const b = 1;\n');
      assert.equal((await watch.done('b.ts')).files, 2);
      watch.child.kill('SIGINT');
      assert.equal(await watch.exited, 130);
      assert.match(watch.stderr, /sonde: Scan interrupted\./);
    } finally {
      watch.child.kill('SIGINT');
      await watch.exited;
      removeTree(root);
    }
  });
});
