/**
 * A hostile tsconfig.json: `extends` is followed only inside the scanned root
 * (its own files and its node_modules packages); devices, FIFOs, outside and
 * oversized files are never read, and a note never quotes their content.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadProjectConfig, MAX_CONFIG_BYTES } from '../../src/graph/project-config.js';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI';
const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');

describe('tsconfig extends stays inside the scanned root', () => {
  const outside = makeTempTree({ 'secret.json': `${SECRET}\n`, 'base.json': '{"compilerOptions":{"baseUrl":"/etc"}}' }, 'sonde-outside-');
  const roots: string[] = [];
  after(() => {
    removeTree(outside);
    for (const root of roots) removeTree(root);
  });

  function repo(tsconfig: unknown, extra: Record<string, string> = {}): string {
    const root = makeTempTree({ 'tsconfig.json': JSON.stringify(tsconfig), 'src/a.ts': 'export const a = 1;\n', ...extra }, 'sonde-tsconfig-');
    roots.push(root);
    return root;
  }

  const hostile: [string, (root: string) => string][] = [
    ['an absolute path outside the root', () => path.join(outside, 'secret.json')],
    ['../ out of the root', (root) => path.relative(root, path.join(outside, 'secret.json')).replace(/^/, './')],
    ['/dev/stdin', () => '/dev/stdin'],
    ['/dev/zero', () => '/dev/zero'],
    ['a FIFO inside the root', (root) => {
      assert.equal(spawnSync('mkfifo', [path.join(root, 'fifo.json')]).status, 0);
      return './fifo.json';
    }],
    ['a link inside the root to an outside file', (root) => {
      symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'link.json'));
      return './link.json';
    }],
    ['an outside config that sets baseUrl', () => path.join(outside, 'base.json')],
  ];

  for (const [name, target] of hostile) {
    it(`${name}: not followed, noted without the content, own options kept`, async () => {
      const root = repo({});
      const spec = target(root);
      writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ extends: spec, compilerOptions: { baseUrl: './src' } }));
      const config = await loadProjectConfig(root);
      assert.equal(config.ts.baseUrl, path.join(root, 'src'), 'the root config itself must still apply');
      assert.equal(config.notes.length, 1, config.notes.join('\n'));
      assert.match(config.notes[0]!, /not followed/);
      assert.doesNotMatch(config.notes.join('\n'), /AWS_SECRET|wJalr/);
    });
  }

  it('a scan whose tsconfig extends /dev/stdin and /dev/zero finishes and never echoes the secret', () => {
    const root = repo({ extends: ['/dev/stdin', '/dev/zero', path.join(outside, 'secret.json')] });
    const run = spawnSync(process.execPath, [BIN, 'scan', root, '--no-cache', '--format', 'json', '--progress', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      input: '{"compilerOptions":{}}', // if stdin were read, the scan would not hang here, so check the notes too
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /AWS_SECRET|wJalr/);
  });

  it('a tsconfig larger than the cap is not read', async () => {
    const root = repo({});
    writeFileSync(path.join(root, 'tsconfig.json'), `{"compilerOptions":{"baseUrl":"./src"}}${' '.repeat(MAX_CONFIG_BYTES)}`);
    const config = await loadProjectConfig(root);
    assert.equal(config.ts.baseUrl, undefined);
    assert.match(config.notes.join('\n'), /tsconfig\.json: it is larger than/);
  });

  it('a package.json that is a FIFO or quotes a secret is never echoed', async () => {
    const root = repo({});
    writeFileSync(path.join(root, 'package.json'), `${SECRET} not json`);
    const config = await loadProjectConfig(root);
    assert.match(config.notes.join('\n'), /package\.json: it is not valid JSON/);
    assert.doesNotMatch(config.notes.join('\n'), /AWS_SECRET|wJalr/);
    const fifoRoot = repo({});
    assert.equal(spawnSync('mkfifo', [path.join(fifoRoot, 'package.json')]).status, 0);
    const fifo = await loadProjectConfig(fifoRoot);
    assert.match(fifo.notes.join('\n'), /package\.json: it is not a regular file/);
  });

  it('extends into node_modules/@tsconfig/x inside the root is followed (paths and baseUrl honoured)', async () => {
    const root = repo({ extends: '@tsconfig/x/tsconfig.json', compilerOptions: { outDir: 'dist' } });
    mkdirSync(path.join(root, 'node_modules/@tsconfig/x'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/@tsconfig/x/package.json'), '{"name":"@tsconfig/x","version":"1.0.0"}');
    writeFileSync(
      path.join(root, 'node_modules/@tsconfig/x/tsconfig.json'),
      JSON.stringify({ compilerOptions: { rootDir: '../../../src', paths: { '~/*': ['../../../src/*'] } } }),
    );
    const config = await loadProjectConfig(root);
    assert.deepEqual(config.notes, []);
    assert.equal(config.ts.rootDir, path.join(root, 'src'));
    assert.equal(config.ts.outDir, path.join(root, 'dist'));
    assert.deepEqual(config.ts.paths, { '~/*': ['../../../src/*'] });
    assert.equal(config.ts.pathsBase, path.join(root, 'node_modules/@tsconfig/x'));
  });

  it('a relative extends inside the root is followed, with its baseUrl relative to the declaring file', async () => {
    const root = repo({ extends: './configs/base' }, { 'configs/base.json': JSON.stringify({ compilerOptions: { baseUrl: '../src' } }) });
    const config = await loadProjectConfig(root);
    assert.deepEqual(config.notes, []);
    assert.equal(config.ts.baseUrl, path.join(root, 'src'));
  });

  it('a package extends with no package in the root is noted, not looked up outside', async () => {
    const root = repo({ extends: '@tsconfig/node20/tsconfig.json', compilerOptions: { baseUrl: '.' } });
    const config = await loadProjectConfig(root);
    assert.equal(config.ts.baseUrl, root);
    assert.match(config.notes.join('\n'), /@tsconfig\/node20.*node_modules; not followed/);
  });
});
