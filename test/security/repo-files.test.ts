/**
 * The small files a repository controls besides its sources — its
 * sonde.config.json, its .gitignore files, a baseline in its .sonde/ — are
 * read only as regular files under a cap, never through a link out of the
 * root, and an error about them never quotes their content.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadBaseline } from '../../src/bench/results/baseline.js';
import { discover } from '../../src/engine/discover.js';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI';
const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');

const roots: string[] = [];
after(() => {
  for (const root of roots) removeTree(root);
});

function tree(files: Record<string, string>, prefix = 'sonde-repo-files-'): string {
  const root = makeTempTree(files, prefix);
  roots.push(root);
  return root;
}

function mkfifo(file: string): void {
  assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo');
}

/** `sonde scan ROOT --no-ui`, bounded: a hang is a failure, not a stuck test run. */
function scanCli(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'scan', root, '--no-ui', '--progress', 'none', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe("the repository's sonde.config.json", () => {
  const outside = tree({ 'secret.json': `${SECRET}\n` }, 'sonde-outside-');

  const hostile: [string, (root: string) => void][] = [
    ['a link to a file outside the root', (root) => symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'sonde.config.json'))],
    ['a FIFO', (root) => mkfifo(path.join(root, 'sonde.config.json'))],
    ['a link to /dev/zero', (root) => symlinkSync('/dev/zero', path.join(root, 'sonde.config.json'))],
    ['larger than 1 MiB', (root) => writeFileSync(path.join(root, 'sonde.config.json'), `{"include": ["${'x'.repeat(1024 * 1024)}"]}`)],
  ];
  for (const [name, plant] of hostile) {
    it(`${name}: a one-line error, exit 2, nothing read or quoted`, () => {
      const root = tree({ 'a.ts': 'export const a = 1;\n' });
      plant(root);
      const run = scanCli(root);
      assert.equal(run.error, undefined, 'the scan ended by itself');
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /sonde\.config\.json (links out of the scanned folder|is not a regular file|is larger than)/);
      assert.ok(!run.stderr.includes('AWS_SECRET') && !run.stdout.includes('AWS_SECRET'));
      assert.ok(!run.stderr.includes('    at '), 'no stack trace');
    });
  }

  it('a syntax error names the line and column, never the text around it', () => {
    const root = tree({ 'a.ts': 'export const a = 1;\n', 'sonde.config.json': `{\n  "${SECRET}": 1\n  "b": 2\n}\n` });
    const run = scanCli(root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not valid JSON at line 3 column 3/);
    assert.ok(!run.stderr.includes('AWS_SECRET'));
  });

  it('a link to another file inside the root is followed', () => {
    const root = tree({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n', 'config/sonde.json': '{"exclude": ["a.ts"]}' });
    symlinkSync(path.join(root, 'config', 'sonde.json'), path.join(root, 'sonde.config.json'));
    const run = scanCli(root, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((file) => file.path), ['b.ts']);
  });
});

describe("the repository's .gitignore files", () => {
  const outside = tree({ '.gitignore': 'a.ts\n' }, 'sonde-outside-');
  const files = { 'a.ts': 'export const a = 1;\n', 'sub/b.ts': 'export const b = 1;\n' };

  const ignored: [string, (root: string) => void][] = [
    ['a FIFO', (root) => mkfifo(path.join(root, '.gitignore'))],
    ['a link to /dev/zero', (root) => symlinkSync('/dev/zero', path.join(root, '.gitignore'))],
    // git (2.32+) does not follow a symlinked .gitignore either.
    ['a link to a .gitignore outside the root', (root) => symlinkSync(path.join(outside, '.gitignore'), path.join(root, '.gitignore'))],
  ];
  for (const [name, plant] of ignored) {
    it(`${name}: ignores nothing, and discovery ends`, () => {
      const root = tree(files);
      plant(root);
      const found = discover({ root, include: [], exclude: [] });
      assert.deepEqual(found.files.map((file) => file.path).sort(), ['a.ts', 'sub/b.ts']);
    });
  }

  it("a regular .gitignore still applies", () => {
    const root = tree({ ...files, 'sub/.gitignore': 'b.ts\n' });
    const found = discover({ root, include: [], exclude: [] });
    assert.deepEqual(found.files.map((file) => file.path), ['a.ts']);
  });
});

describe('a baseline in the benchmarked tree', () => {
  it('a FIFO or a file that is not JSON is a clear error, not a hang or an internal error', () => {
    const dir = tree({ 'broken.json': `${SECRET}\n` });
    mkfifo(path.join(dir, 'fifo.json'));
    assert.throws(() => loadBaseline(dir, 'fifo'), { name: 'UserError', message: /is not a regular file/ });
    assert.throws(() => loadBaseline(dir, 'broken'), (error: Error) => /is not a sonde bench report/.test(error.message) && !error.message.includes('AWS'));
    mkdirSync(path.join(dir, 'empty'));
    assert.throws(() => loadBaseline(path.join(dir, 'empty'), 'nosuch'), { message: /No baseline named 'nosuch'/ });
  });
});
