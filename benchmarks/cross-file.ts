/**
 * Times the cross-file pass on synthetic module graphs (facts built in memory,
 * no parsing). Run with npm run bench:cross-file.
 *
 *   node dist/benchmarks/cross-file.js [sizes…]   (default 20000 50000 100000)
 *
 * Each module lives in a folder of 100, exports 4 names, imports 5 others
 * (relative `../dK/mI.js` specifiers, TS `.js` convention), every 50th is a
 * barrel with `export *`, and imports go mostly "forward" with some back
 * edges, so there are cycles of all sizes.
 */
import os from 'node:os';
import { analyzeCrossFile } from '../src/graph/cross-file.js';
import type { FileResult, ImportRecord } from '../src/types.js';
import { exp, file, RULES } from '../test/graph/helpers.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A synthetic project of `n` modules, deterministic for a seed. */
export function syntheticFiles(n: number, seed = 1): FileResult[] {
  const rand = lcg(seed);
  const pathOf = (i: number) => `src/d${Math.floor(i / 100)}/m${i % 100}.ts`;
  const files: FileResult[] = [];
  for (let i = 0; i < n; i++) {
    const imports: ImportRecord[] = [];
    for (let k = 0; k < 5; k++) {
      const back = rand() < 0.02;
      const j = back ? Math.floor(rand() * (i + 1)) : Math.min(n - 1, i + 1 + Math.floor(rand() * 200));
      if (j === i) continue;
      const spec = `../d${Math.floor(j / 100)}/m${j % 100}.js`;
      imports.push({ specifier: spec, kind: 'import', typeOnly: rand() < 0.1, names: [`f${Math.floor(rand() * 4)}`], line: k + 1 });
    }
    const exports = [exp('f0', 10), exp('f1', 11), exp('f2', 12), exp('f3', 13)];
    if (i % 50 === 0 && i + 1 < n) {
      const spec = `../d${Math.floor((i + 1) / 100)}/m${(i + 1) % 100}.js`;
      imports.push({ specifier: spec, kind: 'reexport', typeOnly: false, names: ['*'], line: 9 });
      exports.push(exp('*', 9, { from: spec }));
    }
    files.push(file(pathOf(i), imports, exports));
  }
  return files;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}; median of 5 runs after 1 warm-up`);
  for (const n of sizes.length > 0 ? sizes : [20_000, 50_000, 100_000]) {
    const files = syntheticFiles(n);
    const times: number[] = [];
    let result;
    for (let run = 0; run < 6; run++) {
      const t = performance.now();
      result = await analyzeCrossFile(files, { root: os.tmpdir(), entries: ['src/d0/m0.ts'], ignoreTypeOnlyCycles: false, rules: RULES });
      if (run > 0) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = result!;
    const cycles = r.findings.filter((f) => f.rule === 'import-cycle').length;
    console.log(
      `${n} files, ${r.graph.edges.length} edges: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}), ` +
        `${cycles} cycle groups, ${r.findings.length - cycles} unused exports, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}

await main();
