/**
 * sonde's warm path against other linters, as whole processes on one real
 * corpus (issue 13): sonde cold and sequential, sonde warm with nothing
 * changed, sonde warm with one file changed, ESLint 10 `--cache` warm (the
 * `complexity` rule only), oxlint cold (`complexity` only; it has no cache)
 * and Biome cold (`noExcessiveCognitiveComplexity` only). Two more rows show
 * the fixed part of any warm run: `node -e 0` (Node's own start-up) and sonde
 * warm on a one-file tree (start-up, module loading, opening the cache). Run
 * with `npm run bench:warm-vs-peers`.
 *
 *   node dist/benchmarks/warm-vs-peers.js [--runs N] [--warmup N] [--corpus-dir DIR] [--format pretty|json] [--smoke DIR]
 *
 * The corpus is fetched once with `npm pack effect@3.22.4 rxjs@7.8.2
 * zod@3.25.76 lodash@4.18.1` into `--corpus-dir` (default
 * `$XDG_CACHE_HOME/sonde-bench/warm-vs-peers`, else `~/.cache/…`): the
 * `src/` folders of effect, rxjs and zod, and lodash's modules (its `fp/`
 * wrappers left out). `--smoke DIR` uses a local folder instead (no network,
 * one run, no warm-up): what CI runs to prove the script works.
 *
 * Each variant runs on its own temporary copy of the corpus (the one-change
 * copy is edited before each of its runs; nothing is written to the corpus
 * folder), rounds are interleaved with a rotating order, and the table gives
 * the median wall time, the median peak RSS and CPU time (/usr/bin/time
 * -f '%M %U %S'; "–" where it is missing) and sonde warm ÷ oxlint as the median of the per-round
 * ratios (paired). A peer that is not installed is skipped with the reason.
 * oxlint and Biome are looked for in $SONDE_PEERS_BIN, then on PATH (e.g.
 * `npm install --prefix /work/peers oxlint@1 @biomejs/biome@2` and
 * `SONDE_PEERS_BIN=/work/peers/node_modules/.bin`); ESLint is sonde's own
 * devDependency.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SONDE = path.join(REPO, 'bin', 'sonde.js');
const PACKAGES = ['effect@3.22.4', 'rxjs@7.8.2', 'zod@3.25.76', 'lodash@4.18.1'];
const TIME = '/usr/bin/time';

interface Args {
  runs: number;
  warmup: number;
  corpusDir: string;
  format: string;
  smoke?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const smoke = value('--smoke');
  return {
    runs: Number(value('--runs') ?? (smoke ? 1 : 11)),
    warmup: Number(value('--warmup') ?? (smoke ? 0 : 1)),
    corpusDir: path.resolve(value('--corpus-dir') ?? path.join(xdg, 'sonde-bench', 'warm-vs-peers')),
    format: value('--format') ?? 'pretty',
    ...(smoke ? { smoke: path.resolve(smoke) } : {}),
  };
}

/** The corpus folder, fetched and extracted on the first run only. */
function corpus(dir: string): string {
  const tree = path.join(dir, 'corpus');
  const done = path.join(dir, 'corpus.complete');
  if (existsSync(done)) return tree;
  rmSync(tree, { recursive: true, force: true });
  const packs = path.join(dir, 'packs');
  mkdirSync(packs, { recursive: true });
  console.log(`fetching ${PACKAGES.join(' ')} with npm pack into ${packs} (once)`);
  run('npm', ['pack', ...PACKAGES, '--pack-destination', packs, '--silent'], REPO);
  for (const spec of PACKAGES) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    const tarball = readdirSync(packs).find((file) => file.startsWith(`${name}-`) && file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack left no tarball for ${spec}`);
    const unpacked = path.join(dir, 'unpacked', name);
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    run('tar', ['xzf', path.join(packs, tarball), '-C', unpacked], REPO);
    const source = name === 'lodash' ? path.join(unpacked, 'package') : path.join(unpacked, 'package', 'src');
    cpSync(source, path.join(tree, name), { recursive: true, filter: (from) => !(name === 'lodash' && path.basename(from) === 'fp') });
  }
  writeFileSync(done, `${PACKAGES.join('\n')}\n`);
  return tree;
}

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (status ${result.status})`);
}

/** A program in $SONDE_PEERS_BIN or on PATH. */
function findProgram(name: string): string | undefined {
  const dirs = [process.env.SONDE_PEERS_BIN, ...(process.env.PATH ?? '').split(path.delimiter)].filter((dir): dir is string => !!dir);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function findModule(specifier: string): string | undefined {
  try {
    return createRequire(path.join(REPO, 'package.json')).resolve(specifier);
  } catch {
    return undefined;
  }
}

/** One thing to time: a command on its own copy of the corpus, with an untimed step before each run. */
interface Variant {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly before?: () => void;
}

interface Sample {
  readonly wallMs: number;
  readonly rssKiB?: number;
  /** User + system CPU seconds of the process: steadier than wall time on a shared machine. */
  readonly cpuS?: number;
}

function timeOnce(variant: Variant, scratch: string): Sample {
  variant.before?.();
  const timeFile = path.join(scratch, 'time.txt');
  const useTime = existsSync(TIME);
  const [command, args] = useTime ? [TIME, ['-f', '%M %U %S', '-o', timeFile, variant.command, ...variant.args]] : [variant.command, variant.args];
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: variant.cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - start;
  // Linters exit 1 when they report something: only a crash or a missing program is a failure.
  if (result.error || (result.status !== 0 && result.status !== 1)) throw new Error(`${variant.name}: ${variant.command} exited ${result.status ?? result.signal}`);
  const [rss, user, system] = useTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
  return { wallMs, ...(Number.isFinite(rss) ? { rssKiB: rss } : {}), ...(Number.isFinite(user! + system!) ? { cpuS: user! + system! } : {}) };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const source = args.smoke ?? corpus(args.corpusDir);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sonde-warm-vs-peers-'));
  try {
    const copy = (name: string) => {
      const target = path.join(scratch, name);
      cpSync(source, target, { recursive: true, filter: (from) => path.basename(from) !== '.sonde' });
      return target;
    };
    const sondeArgs = (tree: string, extra: readonly string[]) => [SONDE, 'scan', tree, '--no-ui', '--progress', 'none', '--format', args.format, ...extra];
    const variants: Variant[] = [];
    const skipped: string[] = [];

    const still = copy('tree');
    variants.push({ name: 'sonde cold, sequential', command: process.execPath, args: sondeArgs(still, ['--parallel', '0']), cwd: still });
    const warmCache = path.join(scratch, 'sonde-warm.sqlite');
    variants.push({ name: 'sonde warm, nothing changed', command: process.execPath, args: sondeArgs(still, ['--cache', '--cache-location', warmCache]), cwd: still });

    // The fixed part of a warm run, whatever the tree: Node's start-up, then sonde's on a one-file tree.
    variants.push({ name: 'node -e 0 (Node start-up alone)', command: process.execPath, args: ['-e', '0'], cwd: still });
    const tiny = path.join(scratch, 'tree-one-file');
    mkdirSync(tiny);
    writeFileSync(path.join(tiny, 'index.ts'), 'export const one = (x: number) => (x > 0 ? x : -x);\n');
    variants.push({
      name: 'sonde warm, nothing changed, one-file tree',
      command: process.execPath,
      args: sondeArgs(tiny, ['--cache', '--cache-location', path.join(scratch, 'sonde-tiny.sqlite')]),
      cwd: tiny,
    });

    const edited = copy('tree-edited');
    const editable = firstSource(edited);
    let edits = 0;
    variants.push({
      name: 'sonde warm, one file changed',
      command: process.execPath,
      args: sondeArgs(edited, ['--cache', '--cache-location', path.join(scratch, 'sonde-edited.sqlite')]),
      cwd: edited,
      before: () => appendFileSync(path.join(edited, editable), `\n// edit ${++edits}\n`),
    });

    const eslint = findModule('eslint/package.json');
    const parser = findModule('@typescript-eslint/parser');
    if (eslint && parser) {
      const config = path.join(scratch, 'eslint.config.mjs');
      writeFileSync(
        config,
        `import parser from ${JSON.stringify(parser)};\nexport default [{ files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], languageOptions: { parser }, linterOptions: { reportUnusedDisableDirectives: 'off' }, rules: { complexity: 'error' } }];\n`,
      );
      variants.push({
        name: 'ESLint --cache warm (complexity)',
        command: process.execPath,
        args: [path.join(path.dirname(eslint), 'bin', 'eslint.js'), '-c', config, '--cache', '--cache-location', path.join(scratch, 'eslintcache'), '.'],
        cwd: still,
      });
    } else skipped.push('ESLint: eslint or @typescript-eslint/parser is not installed (npm install)');

    const oxlint = findProgram('oxlint');
    if (oxlint) {
      const config = path.join(scratch, 'oxlintrc.json');
      writeFileSync(config, JSON.stringify({ categories: { correctness: 'off' }, rules: { complexity: 'error' } }));
      variants.push({ name: 'oxlint cold (complexity)', command: oxlint, args: ['-c', config, '.'], cwd: still });
    } else skipped.push('oxlint: not in $SONDE_PEERS_BIN or on PATH (npm install --prefix DIR oxlint@1)');

    const biome = findProgram('biome');
    if (biome) {
      const config = path.join(scratch, 'biome.json');
      writeFileSync(config, JSON.stringify({ linter: { rules: { recommended: false, complexity: { noExcessiveCognitiveComplexity: 'error' } } } }));
      variants.push({ name: 'Biome cold (cognitive)', command: biome, args: ['lint', `--config-path=${config}`, '.'], cwd: still });
    } else skipped.push('Biome: not in $SONDE_PEERS_BIN or on PATH (npm install --prefix DIR @biomejs/biome@2)');

    for (const reason of skipped) console.log(`skipped ${reason}`);
    const files = countSources(still);
    console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(2)}; ${files} source files in ${source}`);
    console.log(`warm-up: ${args.warmup + 1} untimed run(s) of each variant (fills the caches); then ${args.runs} interleaved rounds`);
    for (let round = 0; round <= args.warmup; round++) for (const variant of variants) timeOnce(variant, scratch);

    const samples = new Map<string, Sample[]>(variants.map((variant) => [variant.name, []]));
    for (let round = 0; round < args.runs; round++) {
      // Rotating order: no variant always runs first (cold page cache) or right after a heavy one.
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(round + k) % variants.length]!;
        samples.get(variant.name)!.push(timeOnce(variant, scratch));
      }
    }
    printTable(variants, samples);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The file the one-change variant edits: the first source file by path. */
function firstSource(tree: string): string {
  const found = (readdirSync(tree, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .sort();
  if (found.length === 0) throw new Error(`no source file in ${tree}`);
  return found[0]!;
}

function countSources(tree: string): number {
  return (readdirSync(tree, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(file)).length;
}

function printTable(variants: readonly Variant[], samples: ReadonlyMap<string, readonly Sample[]>): void {
  const rows = variants.map((variant) => {
    const runs = samples.get(variant.name)!;
    const walls = runs.map((sample) => sample.wallMs);
    const rss = runs.flatMap((sample) => (sample.rssKiB !== undefined ? [sample.rssKiB] : []));
    const cpu = runs.flatMap((sample) => (sample.cpuS !== undefined ? [sample.cpuS] : []));
    return {
      name: variant.name,
      median: median(walls),
      min: Math.min(...walls),
      max: Math.max(...walls),
      rss: rss.length > 0 ? `${(median(rss) / 1024).toFixed(0)} MiB` : '–',
      cpu: cpu.length > 0 ? `${median(cpu).toFixed(2)} s` : '–',
    };
  });
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(`\n| ${'run'.padEnd(width)} | median wall | range | peak RSS | CPU (user+sys) |`);
  console.log(`|${'-'.repeat(width + 2)}|---:|---:|---:|---:|`);
  for (const row of rows) {
    console.log(`| ${row.name.padEnd(width)} | ${(row.median / 1000).toFixed(3)} s | ${(row.min / 1000).toFixed(3)}–${(row.max / 1000).toFixed(3)} s | ${row.rss} | ${row.cpu} |`);
  }
  const ratio = (a: string, b: string, label: string) => {
    const x = samples.get(a);
    const y = samples.get(b);
    if (!x || !y) return;
    const perRound = x.map((sample, index) => sample.wallMs / y[index]!.wallMs);
    const cpu = x.flatMap((sample, index) => (sample.cpuS !== undefined && y[index]!.cpuS ? [sample.cpuS / y[index]!.cpuS!] : []));
    const cpuNote = cpu.length > 0 ? `; CPU time ${median(cpu).toFixed(2)}×` : '';
    console.log(`${label}: wall ${median(perRound).toFixed(2)}× (median of ${perRound.length} paired rounds; range ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)})${cpuNote}`);
  };
  console.log('');
  ratio('sonde warm, nothing changed', 'oxlint cold (complexity)', 'sonde warm ÷ oxlint cold (target ≤ 0.8)');
  ratio('sonde warm, nothing changed, one-file tree', 'oxlint cold (complexity)', "sonde's fixed floor (a one-file tree) ÷ oxlint cold");
  ratio('sonde warm, one file changed', 'sonde warm, nothing changed', 'one change ÷ nothing changed (target ≤ 1.3)');
  ratio('ESLint --cache warm (complexity)', 'sonde warm, nothing changed', 'ESLint warm ÷ sonde warm');
}

main();
