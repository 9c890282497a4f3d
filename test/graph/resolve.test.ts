import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import path from 'node:path';
import { createResolver, joinRelative, type Resolution } from '../../src/graph/resolve.js';
import type { ProjectConfig } from '../../src/graph/project-config.js';

const ROOT = '/proj';
const FILES = new Set([
  'src/a.ts',
  'src/b.tsx',
  'src/c.mts',
  'src/d.cts',
  'src/e.js',
  'src/dir/index.ts',
  'src/lib/util.ts',
  'src/shared/x.ts',
  'src/types.d.ts',
  'src/index.ts',
  'src/feature/index.tsx',
  'src/e2/index.mjs',
  'plain.js',
]);

const NONE: ProjectConfig = { ts: {}, pkg: { entryFields: [] }, notes: [] };
const WITH_PATHS: ProjectConfig = {
  ts: {
    baseUrl: '/proj',
    pathsBase: '/proj',
    paths: { '@lib/*': ['src/lib/*'], '@shared/*': ['nowhere/*', 'src/shared/*'], '@app': ['src/index.ts'], '@lib/special': ['src/a.ts'] },
  },
  pkg: { name: 'mypkg', entryFields: [], exports: { '.': { import: './dist/index.js' }, './feature': './dist/feature/index.js', './utils/*': './dist/lib/*.js' } },
  notes: [],
};
const NO_EXPORTS: ProjectConfig = { ts: {}, pkg: { name: '@scope/pkg', entryFields: ['./lib/index.js'] }, notes: [] };

const cases: [string, ProjectConfig, string, string, Resolution][] = [
  ['extension added', NONE, 'src/index.ts', './a', { kind: 'file', path: 'src/a.ts' }],
  ['tsx', NONE, 'src/index.ts', './b', { kind: 'file', path: 'src/b.tsx' }],
  ['.js means .ts', NONE, 'src/index.ts', './a.js', { kind: 'file', path: 'src/a.ts' }],
  ['.js means .tsx', NONE, 'src/index.ts', './b.js', { kind: 'file', path: 'src/b.tsx' }],
  ['.jsx means .tsx', NONE, 'src/index.ts', './b.jsx', { kind: 'file', path: 'src/b.tsx' }],
  ['.mjs means .mts', NONE, 'src/index.ts', './c.mjs', { kind: 'file', path: 'src/c.mts' }],
  ['.cjs means .cts', NONE, 'src/index.ts', './d.cjs', { kind: 'file', path: 'src/d.cts' }],
  ['real .js file', NONE, 'src/index.ts', './e.js', { kind: 'file', path: 'src/e.js' }],
  ['directory index', NONE, 'src/a.ts', './dir', { kind: 'file', path: 'src/dir/index.ts' }],
  ['directory index with slash', NONE, 'src/a.ts', './dir/', { kind: 'file', path: 'src/dir/index.ts' }],
  ['index.tsx', NONE, 'src/a.ts', './feature', { kind: 'file', path: 'src/feature/index.tsx' }],
  ['index.mjs', NONE, 'src/a.ts', './e2', { kind: 'file', path: 'src/e2/index.mjs' }],
  ['parent dir', NONE, 'src/dir/index.ts', '../a', { kind: 'file', path: 'src/a.ts' }],
  ['dot is the folder index', NONE, 'src/a.ts', '.', { kind: 'file', path: 'src/index.ts' }],
  ['up to root file', NONE, 'src/a.ts', '../plain', { kind: 'file', path: 'plain.js' }],
  ['declaration file', NONE, 'src/a.ts', './types', { kind: 'file', path: 'src/types.d.ts' }],
  ['missing relative', NONE, 'src/a.ts', './nope', { kind: 'unresolved' }],
  ['outside the root', NONE, 'src/a.ts', '../../x', { kind: 'unresolved' }],
  ['query stripped', NONE, 'src/a.ts', './b?raw', { kind: 'file', path: 'src/b.tsx' }],
  ['bare package', NONE, 'src/a.ts', 'react', { kind: 'external' }],
  ['node builtin', NONE, 'src/a.ts', 'node:fs', { kind: 'external' }],
  ['paths pattern', WITH_PATHS, 'src/a.ts', '@lib/util', { kind: 'file', path: 'src/lib/util.ts' }],
  ['paths exact beats pattern', WITH_PATHS, 'src/b.tsx', '@lib/special', { kind: 'file', path: 'src/a.ts' }],
  ['paths second target', WITH_PATHS, 'src/a.ts', '@shared/x', { kind: 'file', path: 'src/shared/x.ts' }],
  ['paths exact', WITH_PATHS, 'src/a.ts', '@app', { kind: 'file', path: 'src/index.ts' }],
  ['paths miss is external', WITH_PATHS, 'src/a.ts', '@lib/none', { kind: 'external' }],
  ['baseUrl', WITH_PATHS, 'src/lib/util.ts', 'src/a', { kind: 'file', path: 'src/a.ts' }],
  ['self name via exports', WITH_PATHS, 'src/a.ts', 'mypkg', { kind: 'file', path: 'src/index.ts' }],
  ['self subpath via exports', WITH_PATHS, 'src/a.ts', 'mypkg/feature', { kind: 'file', path: 'src/feature/index.tsx' }],
  ['self pattern via exports', WITH_PATHS, 'src/a.ts', 'mypkg/utils/util', { kind: 'file', path: 'src/lib/util.ts' }],
  ['other package with shared prefix', WITH_PATHS, 'src/a.ts', 'mypkg-extra', { kind: 'external' }],
  ['self name via main', NO_EXPORTS, 'src/a.ts', '@scope/pkg', { kind: 'file', path: 'src/index.ts' }],
  ['self subpath to root', NO_EXPORTS, 'src/a.ts', '@scope/pkg/src/a', { kind: 'file', path: 'src/a.ts' }],
];

describe('createResolver', () => {
  for (const [name, config, from, spec, expected] of cases) {
    it(`${name}: ${from} + '${spec}'`, () => {
      assert.deepEqual(createResolver(ROOT, FILES, config)(from, spec), expected);
    });
  }

  it('paths without baseUrl are relative to the declaring tsconfig', () => {
    const config: ProjectConfig = { ts: { pathsBase: '/proj/src', paths: { '~/*': ['*'] } }, pkg: { entryFields: [] }, notes: [] };
    assert.deepEqual(createResolver(ROOT, FILES, config)('src/a.ts', '~/lib/util'), { kind: 'file', path: 'src/lib/util.ts' });
    // No baseUrl: bare specifiers are not looked up under the root.
    assert.deepEqual(createResolver(ROOT, FILES, config)('src/a.ts', 'plain'), { kind: 'external' });
  });
});

describe('joinRelative', () => {
  /** The general route: path.posix's join and normalize, then "outside the root" as undefined. */
  const reference = (dir: string, spec: string): string | undefined => {
    const joined = path.posix.normalize(path.posix.join(dir === '' ? '.' : dir, spec));
    const rel = joined === '.' || joined === './' ? '' : joined.replace(/^\.\//, '').replace(/\/$/, '');
    return rel === '..' || rel.startsWith('../') ? undefined : rel;
  };

  it('agrees with path.posix on every combination of folder and specifier shape', () => {
    const dirs = ['', 'src/', 'src/a/b/', '.hidden/x/'];
    const heads = ['./', '../', '../../', '../../../', './../', '.././'];
    const tails = ['', '.', '..', 'x', 'x.js', 'x/', 'x/y', '.x', 'x/../y', 'x/./y', 'x//y', '/x', '...', 'x/..', 'x/.', 'a.b/c'];
    for (const dir of dirs) {
      for (const head of heads) {
        for (const tail of tails) {
          assert.equal(joinRelative(dir, head + tail), reference(dir, head + tail), JSON.stringify({ dir, spec: head + tail }));
        }
      }
    }
  });
});
