/**
 * A workspace shaped like vite, built in a temporary folder (git cannot be
 * trusted to keep symlinks on every checkout): a root package.json with
 * `workspaces` and a pnpm-workspace.yaml, packages under packages/*, exports
 * and main/module/types/bin that point into build output (dist/, mapped back
 * through tsconfig outDir/rootDir and the dist→src convention), a symlinked
 * file and a symlinked folder, one package without `exports`, and one export
 * entry that maps to nothing. TRULY_UNUSED lists the exports nothing uses.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { makeTempTree } from '../helpers/temp-tree.js';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export const VITE_LIKE_FILES: Readonly<Record<string, string>> = {
  'package.json': json({ name: 'vite-monorepo', private: true, workspaces: ['packages/*'] }),
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
  'packages/vite/package.json': json({
    name: 'vite',
    bin: { vite: 'bin/vite.js' },
    types: './dist/node/index.d.ts',
    exports: {
      '.': { types: './dist/node/index.d.ts', import: './dist/node/index.js', require: './index.cjs' },
      './module-runner': { types: './dist/node/module-runner.d.ts', import: './dist/node/module-runner.js' },
      './internal/*': './dist/node/internal/*.js',
      './missing': './dist/node/missing.js',
      './package.json': './package.json',
    },
  }),
  'packages/vite/tsconfig.json': json({ compilerOptions: { outDir: './dist', rootDir: './src' } }),
  'packages/vite/bin/vite.js': "export const start = () => import('../dist/node/cli.js');\n",
  'packages/vite/index.cjs': 'module.exports = {};\n',
  'packages/vite/src/node/index.ts': [
    "export { createServer } from './server';",
    "export { build } from './build';",
    "export type { UserConfig } from './config';",
    "export const version = '1.0.0';",
    '',
  ].join('\n'),
  'packages/vite/src/node/server.ts': [
    "import { normalizePath } from './shared-link/more';",
    'export function createServer() { return normalizePath(); }',
    'export function unusedServerHelper() { return 1; }',
    '',
  ].join('\n'),
  'packages/vite/src/node/build.ts': [
    "import { slash } from './utils';",
    "import type { UserConfig } from './config';",
    'export function build(c?: UserConfig) { return slash() + String(c); }',
    '',
  ].join('\n'),
  'packages/vite/src/node/config.ts': 'export interface UserConfig { root?: string }\nexport const unusedConfigConst = 1;\n',
  'packages/vite/src/node/module-runner.ts': 'export function createRunner() { return 1; }\n',
  'packages/vite/src/node/internal/hooks.ts': 'export const hook = 1;\n',
  'packages/vite/src/shared/utils.ts': "export function slash() { return '/'; }\nexport function unusedShared() { return 2; }\n",
  'packages/vite/src/shared/more.ts': "export function normalizePath() { return '.'; }\nexport const unusedMore = 3;\n",
  // No `exports`: main/module/types point into dist, mapped by the dist→src convention.
  'packages/plugin-react/package.json': json({ name: '@vitejs/plugin-react', main: './dist/index.cjs', module: './dist/index.mjs', types: './dist/index.d.mts' }),
  'packages/plugin-react/src/index.ts': [
    "import { createServer } from 'vite';",
    "import { runtimePublicPath } from './refresh';",
    'export default function react() { return [createServer, runtimePublicPath]; }',
    '',
  ].join('\n'),
  'packages/plugin-react/src/refresh.ts': "export const runtimePublicPath = '/@react-refresh';\nexport const unusedRefresh = 1;\n",
  // A bin at the package root, importing its sources.
  'packages/create-vite/package.json': json({ name: 'create-vite', bin: { 'create-vite': 'index.js' } }),
  'packages/create-vite/index.js': "import { init } from './src/init.js';\nexport const run = () => init();\n",
  'packages/create-vite/src/init.ts': 'export function init() { return 0; }\nexport function unusedInit() { return 1; }\n',
};

/** `path:line name` of every export nothing uses (the only correct unused-export findings). */
export const TRULY_UNUSED = [
  'packages/create-vite/src/init.ts:2 unusedInit',
  'packages/plugin-react/src/refresh.ts:2 unusedRefresh',
  'packages/vite/src/node/config.ts:2 unusedConfigConst',
  'packages/vite/src/node/server.ts:3 unusedServerHelper',
  'packages/vite/src/shared/more.ts:2 unusedMore',
  'packages/vite/src/shared/utils.ts:2 unusedShared',
];

/** Builds the fixture in a fresh temporary folder (removed at exit) and returns its path. */
export function makeViteLike(): string {
  const root = makeTempTree(VITE_LIKE_FILES, 'sonde-vite-like-');
  // A symlinked file (build.ts imports './utils') and a symlinked folder (server.ts imports './shared-link/more').
  symlinkSync(path.join('..', 'shared', 'utils.ts'), path.join(root, 'packages/vite/src/node/utils.ts'));
  symlinkSync(path.join('..', 'shared'), path.join(root, 'packages/vite/src/node/shared-link'));
  return root;
}
