/**
 * Cross-check of the import graph and cycle detection against
 * dependency-cruiser 17 on a real code base (default: node_modules/rxjs, its
 * src/ with the package's tsconfig paths). Not a unit test: it runs only with
 * SONDE_CROSSCHECK=1 (node --test picks up every file under dist/test).
 *
 *   SONDE_CROSSCHECK=1 node dist/test/graph/crosscheck-depcruise.js [packageRoot] [srcDir]
 *
 * dependency-cruiser marks a dependency a→b `circular` when b reaches a,
 * i.e. when a and b share a strongly connected component; sonde's cycle
 * groups are those components, so the sets of circular edges must agree.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fg from 'fast-glob';
import { analyzeCrossFile } from '../../src/graph/cross-file.js';
import { stronglyConnectedComponents, toAdjacency } from '../../src/graph/cycles.js';
import { loadFiles } from './extract-facts.js';
import { RULES } from './helpers.js';

interface DcDependency {
  readonly resolved: string;
  readonly circular: boolean;
  readonly dependencyTypes: string[];
}
interface DcResult {
  readonly modules: { readonly source: string; readonly dependencies: DcDependency[] }[];
}

const repo = path.resolve(import.meta.dirname, '../../..');
const pkgRoot = path.resolve(process.argv[2] ?? path.join(repo, 'node_modules/rxjs'));
const srcDir = process.argv[3] ?? 'src';

/** Shortest path from `start` to `goal` over `edges` ("a -> b" strings), or undefined. */
function witness(edges: Set<string>, start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const e of [...edges].sort()) {
    const [a, b] = e.split(' -> ');
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of next.get(queue[i]) ?? []) {
      if (parent.has(w)) continue;
      parent.set(w, queue[i]);
      if (w === goal) {
        const out = [w];
        for (let x = w; x !== start; x = parent.get(x) as string) out.push(parent.get(x) as string);
        return out.reverse();
      }
      queue.push(w);
    }
  }
  return undefined;
}

function diff(name: string, ours: Set<string>, theirs: Set<string>): void {
  const both = [...ours].filter((e) => theirs.has(e));
  const union = new Set([...ours, ...theirs]);
  const onlyOurs = [...ours].filter((e) => !theirs.has(e)).sort();
  const onlyTheirs = [...theirs].filter((e) => !ours.has(e)).sort();
  console.log(`${name}: sonde ${ours.size}, depcruise ${theirs.size}, both ${both.length}, agreement ${((100 * both.length) / Math.max(1, union.size)).toFixed(1)}%`);
  for (const e of onlyOurs) console.log(`  only sonde:     ${e}`);
  for (const e of onlyTheirs) console.log(`  only depcruise: ${e}`);
}

async function main(): Promise<void> {
  const depcruise = path.join(repo, 'node_modules/.bin/depcruise');
  const t0 = performance.now();
  const json = execFileSync(depcruise, [srcDir, '--no-config', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', '--output-type', 'json'], {
    cwd: pkgRoot,
    maxBuffer: 1 << 28,
  }).toString();
  const dcMs = performance.now() - t0;
  const dc = JSON.parse(json) as DcResult;

  const paths = fg.sync(`${srcDir}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`, { cwd: pkgRoot }).sort();
  const files = loadFiles(pkgRoot, paths);
  const t1 = performance.now();
  const result = await analyzeCrossFile(files, { root: pkgRoot, entries: [], ignoreTypeOnlyCycles: false, rules: RULES });
  const ourMs = performance.now() - t1;

  const nodes = new Set(result.graph.nodes);
  const theirEdges = new Set<string>();
  const theirCircular = new Set<string>();
  for (const m of dc.modules) {
    for (const d of m.dependencies) {
      if (!nodes.has(d.resolved) || !nodes.has(m.source)) continue;
      const key = `${m.source} -> ${d.resolved}`;
      theirEdges.add(key);
      if (d.circular) theirCircular.add(key);
    }
  }
  const ourEdges = new Set(result.graph.edges.map((e) => `${e.from} -> ${e.to}`));
  const index = new Map(result.graph.nodes.map((p, i) => [p, i]));
  const indexed = result.graph.edges.map((e) => ({ from: index.get(e.from) as number, to: index.get(e.to) as number }));
  const components = stronglyConnectedComponents(result.graph.nodes.length, toAdjacency(result.graph.nodes.length, indexed));
  const component = new Int32Array(result.graph.nodes.length);
  components.forEach((c, i) => c.forEach((v) => (component[v] = i)));
  const ourCircular = new Set(
    result.graph.edges
      .filter((e, i) => component[indexed[i].from] === component[indexed[i].to])
      .map((e) => `${e.from} -> ${e.to}`),
  );

  console.log(`${pkgRoot}/${srcDir}: ${paths.length} files; sonde cross-file pass ${ourMs.toFixed(1)} ms, depcruise (whole run) ${dcMs.toFixed(0)} ms`);
  diff('edges between scanned files', ourEdges, theirEdges);
  diff('circular edges', ourCircular, theirCircular);
  // A circular edge a -> b needs a path b -> … -> a; show it over dependency-cruiser's own edges.
  for (const e of [...ourCircular].filter((x) => !theirCircular.has(x)).sort()) {
    const [a, b] = e.split(' -> ');
    const back = witness(theirEdges, b, a);
    console.log(`  ${e}: return path in depcruise's own edges: ${back ? back.join(' -> ') : 'NONE'}`);
  }
  const cycles = result.findings.filter((f) => f.rule === 'import-cycle');
  console.log(`sonde cycle groups: ${cycles.length}`);
  for (const f of cycles) console.log(`  ${f.path}:${f.line} ${f.message}`);
}

if (process.env.SONDE_CROSSCHECK === '1') await main();
