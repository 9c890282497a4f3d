import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEntries } from '../../src/graph/entries.js';
import { globMatcher } from '../../src/util/glob-matcher.js';
import type { PackageInfo, ProjectConfig, TsResolutionConfig } from '../../src/graph/project-config.js';

const NODES = ['bin/cli.ts', 'lib/index.ts', 'scripts/a.ts', 'scripts/deep/b.ts', 'source/main.ts', 'src/index.ts', 'src/lib/util.ts', 'src/other.ts'];

function entries(pkg: Partial<PackageInfo>, globs: string[] = [], ts: TsResolutionConfig = {}): { files: string[]; notes: string[] } {
  const notes: string[] = [];
  const project: ProjectConfig = { ts, pkg: { entryFields: [], ...pkg }, notes: [] };
  const ids = findEntries('/r', NODES, project, globs, notes);
  return { files: [...ids].sort((a, b) => a - b).map((i) => NODES[i]), notes };
}

describe('findEntries', () => {
  const cases: [string, Partial<PackageInfo>, string[], TsResolutionConfig, string[]][] = [
    ['main in dist maps to src', { entryFields: ['./dist/index.js'] }, [], {}, ['src/index.ts']],
    ['nested build folders', { entryFields: ['./dist/esm5/index.js'] }, [], {}, ['src/index.ts']],
    ['an existing lib/ is itself the source', { entryFields: ['./lib/index.js'] }, [], {}, ['lib/index.ts']],
    ['bin keeps its folder', { entryFields: ['./bin/cli.js'] }, [], {}, ['bin/cli.ts']],
    ['declaration file in dist/types', { entryFields: ['./dist/types/index.d.ts'] }, [], {}, ['src/index.ts']],
    ['exports: every condition and subpath', { exports: { '.': { import: './dist/index.mjs' }, './util': { require: './build/lib/util.cjs' } } }, [], {}, ['src/index.ts', 'src/lib/util.ts']],
    ['exports pattern', { exports: { './*': './dist/*.js' } }, [], {}, ['src/index.ts', 'src/lib/util.ts', 'src/other.ts']],
    ['tsconfig outDir/rootDir', { entryFields: ['./out/main.js'] }, [], { outDir: '/r/out', rootDir: '/r/source' }, ['source/main.ts']],
    ['built into the package root, sources in src/', { exports: { './other': { import: './other.mjs', require: './other.cjs' } } }, [], {}, ['src/other.ts']],
    ['entry globs', {}, ['scripts/**/*.ts'], {}, ['scripts/a.ts', 'scripts/deep/b.ts']],
  ];
  for (const [name, pkg, globs, ts, expected] of cases) {
    it(name, () => assert.deepEqual(entries(pkg, globs, ts).files, expected));
  }

  it('notes a code entry that maps to nothing, but not package.json or assets', () => {
    const r = entries({ entryFields: ['./dist/nothing.js'], exports: { './package.json': './package.json', './style.css': './dist/s.css' } });
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.notes, ['1 package.json entry matches no scanned file (e.g. package.json entry field)']);
  });
});

describe('findEntries in nested packages', () => {
  const nodes = ['packages/a/src/index.ts', 'packages/a/src/cli.ts', 'packages/b/lib/main.ts', 'packages/b/src/x.ts', 'index.ts'];
  const run = (project: Partial<ProjectConfig>) => {
    const notes: string[] = [];
    const ids = findEntries('/r', nodes, { ts: {}, pkg: { entryFields: [] }, notes: [], ...project }, [], notes);
    return { files: [...ids].map((i) => nodes[i]).sort(), notes };
  };

  it('maps each package\'s entries from its own folder and tsconfig', () => {
    const r = run({
      packages: [
        { dir: 'packages/a', ts: {}, pkg: { entryFields: ['./bin/cli.js'], entryFieldKeys: ['bin'], exports: { '.': './dist/index.mjs' } } },
        { dir: 'packages/b', ts: { outDir: '/r/packages/b/out', rootDir: '/r/packages/b/lib' }, pkg: { entryFields: ['./out/main.js'] } },
      ],
      hasPackageJson: true,
    });
    assert.deepEqual(r.files, ['packages/a/src/index.ts', 'packages/b/lib/main.ts']);
    assert.deepEqual(r.notes, ['1 package.json entry matches no scanned file (e.g. packages/a/package.json bin)']);
  });

  it('takes root index.* only when there is no package.json anywhere', () => {
    assert.deepEqual(run({ hasPackageJson: false }).files, ['index.ts']);
    assert.deepEqual(run({ hasPackageJson: true }).files, []);
  });
});

describe('globMatcher', () => {
  it('matches globstar, star and dotfiles', () => {
    const match = globMatcher(['src/**/*.ts', '.config/*.js']);
    assert.equal(match('src/a/b/c.ts'), true);
    assert.equal(match('src/c.ts'), true);
    assert.equal(match('lib/c.ts'), false);
    assert.equal(match('.config/x.js'), true);
    assert.equal(globMatcher([])('anything'), false);
  });
});
