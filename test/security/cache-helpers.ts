/**
 * Shared by the cache security tests: a small repository with a finding at
 * warning level (a function of cyclomatic complexity 13) and one of
 * complexity 4, built fresh per test; sonde run in-process through runCli
 * (the CLI path: argv, config, exit code), or spawned from bin/ where the
 * process itself matters; and raw access to a cache file's rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { rows, sql } from '../helpers/cache-rows.js';
import { makeTempTree, REPO_ROOT } from '../helpers/temp-tree.js';

export { rows, sql };

const branches = Array.from({ length: 12 }, (_, i) => `  if (x === ${i}) return ${i};`).join('\n');

/** The scanned repository's files: one warning (complexity 13 > 10), nothing else at warning level. */
export const REPO_FILES: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "victim", "main": "src/index.ts" }\n',
  'src/index.ts': `import { pick } from './pick.js';\nimport { four } from './four.js';\nexport const result = pick(3) + four(1, 2, 3);\n`,
  'src/pick.ts': `export function pick(x: number): number {\n${branches}\n  return -1;\n}\n`,
  'src/four.ts': 'export function four(a: number, b: number, c: number): number {\n  if (a) return 1;\n  if (b) return 2;\n  if (c) return 3;\n  return 0;\n}\n',
};

export function makeRepo(extra: Readonly<Record<string, string>> = {}): string {
  return makeTempTree({ ...REPO_FILES, ...extra }, 'sonde-hostile-');
}

export function tempDir(prefix = 'sonde-outside-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The JSON report, when stdout holds one. */
  readonly report?: {
    findings: { ruleId: string; severity: string }[];
    files: { path: string; functions?: { name: string; cyclomatic: number }[] }[];
    warnings: string[];
    summary: { cache: { enabled: boolean; hits: number; misses: number } };
  };
}

function withReport(code: number, stdout: string, stderr: string): Run {
  let report: Run['report'];
  try {
    report = JSON.parse(stdout) as Run['report'];
  } catch {
    report = undefined;
  }
  return { code, stdout, stderr, ...(report ? { report } : {}) };
}

/** `sonde scan ROOT --format json --parallel 0 …args` in this process (its private cache folder is process.env's). */
export async function scanInProcess(root: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const fake = fakeIO({ cwd: root, env });
  const code = await runCli(['scan', root, '--format', 'json', '--parallel', '0', '--fail-on', 'warning', ...args], fake.io);
  return withReport(code, fake.stdout, fake.stderr);
}

/** The same, as a child process of bin/sonde.js with `env` added. */
export function scanSpawned(root: string, args: readonly string[], env: Record<string, string>): Run {
  const child = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'sonde.js'), 'scan', root, '--format', 'json', '--parallel', '0', '--fail-on', 'warning', ...args],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env }, timeout: 60_000 },
  );
  return withReport(child.status ?? -1, child.stdout, child.stderr);
}

/** Function name → cyclomatic complexity, over the report's files. */
export function complexities(run: Run): Record<string, number> {
  const result: Record<string, number> = {};
  for (const file of run.report?.files ?? []) for (const fn of file.functions ?? []) result[fn.name] = fn.cyclomatic;
  return result;
}

/** Every path under dir, relative, sorted. */
export function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
}

/** The rows holding one file's facts: every row but the scan memo (`…:memo:<slot>`, see engine/scan-memo.ts). */
export async function factRows(file: string): Promise<{ key: string; value: string }[]> {
  return (await rows(file)).filter(({ key }) => !key.includes(':memo:'));
}

/** Deletes the scan memo, so that the next scan reads (and authenticates) the facts rows one by one. */
export async function dropMemo(file: string): Promise<void> {
  await sql(file, [`DELETE FROM keyv WHERE key LIKE '%:memo:%'`]);
}

/** Replaces the keyv rows' values. */
export async function rewriteRows(file: string, values: readonly { key: string; value: string }[]): Promise<void> {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  await sql(file, values.map(({ key, value }) => `UPDATE keyv SET value = ${quote(value)} WHERE key = ${quote(key)}`));
}
