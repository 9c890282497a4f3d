import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkConfigTarget, writeConfigSettings } from '../../../src/bench/tune/config-target.js';
import { makeTempDir, makeTempTree, removeTree } from '../../helpers/temp-tree.js';

const SETTINGS = { parallel: 2, cache: true };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected a refusal');
}

describe('sonde tune --write: the config target', () => {
  it('creates <path>/sonde.config.json when there is none', () => {
    const root = makeTempTree({ 'src/a.ts': 'export const a = 1;\n' });
    const { file } = writeConfigSettings(root, root, SETTINGS);
    assert.equal(file, path.join(root, 'sonde.config.json'));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), SETTINGS);
    removeTree(root);
  });

  it("keeps the user's other keys, their order and indentation, and replaces the tuned ones in place", () => {
    const before = '{\n    "$schema": "./sonde.schema.json",\n    "parallel": 0,\n    "rules": { "complexity": "error:15" },\n    "exclude": ["dist/**"]\n}\n';
    const root = makeTempTree({ 'sonde.config.json': before });
    writeConfigSettings(root, root, SETTINGS);
    const text = readFileSync(path.join(root, 'sonde.config.json'), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(text)), ['$schema', 'parallel', 'rules', 'exclude', 'cache']);
    assert.deepEqual(JSON.parse(text), { $schema: './sonde.schema.json', parallel: 2, rules: { complexity: 'error:15' }, exclude: ['dist/**'], cache: true });
    assert.match(text, /^\{\n {4}"\$schema"/);
    removeTree(root);
  });

  it('refuses a symbolic link, before anything is measured and without touching its target', () => {
    const outside = makeTempTree({ 'victim.json': '{"keep": true}\n' });
    const root = makeTempTree({ 'src/a.ts': 'export const a = 1;\n' });
    symlinkSync(path.join(outside, 'victim.json'), path.join(root, 'sonde.config.json'));
    assert.match(refusal(() => checkConfigTarget(root, root)), /symbolic link/);
    assert.match(refusal(() => writeConfigSettings(root, root, SETTINGS)), /symbolic link/);
    assert.equal(readFileSync(path.join(outside, 'victim.json'), 'utf8'), '{"keep": true}\n');
    removeTree(root);
    removeTree(outside);
  });

  it('refuses what a rewrite would spoil: comments, invalid JSON, an invalid config, a FIFO-like target', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'sonde.config.jsonc': '{ // mine\n "cache": true }\n' }, /sonde\.config\.jsonc, whose comments/],
      [{ 'sonde.config.json': '{ // mine\n "cache": true }\n' }, /has comments/],
      [{ 'sonde.config.json': '{ "cache": ' }, /not valid JSON/],
      [{ 'sonde.config.json': '{ "cahce": true }\n' }, /not a valid sonde config/],
    ];
    for (const [files, expected] of cases) {
      const root = makeTempTree(files);
      assert.match(refusal(() => checkConfigTarget(root, root)), expected);
      assert.equal(readFileSync(path.join(root, Object.keys(files)[0]!), 'utf8'), Object.values(files)[0]);
      removeTree(root);
    }
    const root = makeTempDir();
    mkdirSync(path.join(root, 'sonde.config.json'));
    assert.match(refusal(() => checkConfigTarget(root, root)), /directory/);
    removeTree(root);
  });

  it('refuses when scans of the folder read a config above it, which a new file would shadow', () => {
    const repo = makeTempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'sonde.config.json': '{ "exclude": ["gen/**"] }\n', 'pkg/a.ts': 'export {};\n' });
    const pkg = path.join(repo, 'pkg');
    assert.match(refusal(() => checkConfigTarget(pkg, pkg)), /read .*sonde\.config\.json, which a new file here would replace/);
    assert.equal(checkConfigTarget(repo, pkg).file, path.join(repo, 'sonde.config.json'), 'the repository root itself is fine');
    writeFileSync(path.join(pkg, 'sonde.config.json'), '{}\n');
    assert.equal(checkConfigTarget(pkg, pkg).file, path.join(pkg, 'sonde.config.json'), 'a folder with its own config is fine');
    removeTree(repo);
  });
});
