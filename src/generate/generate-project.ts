/**
 * `generateProject`: write a deterministic synthetic JS/TS project and its
 * ground truth. Same seed and size ⇒ same bytes: every choice comes from a
 * seeded PRNG, files draw from per-file streams, and nothing reads the clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitFile } from './emit-file.js';
import { GROUND_TRUTH_FILE, type GroundTruth, type GroundTruthExport, type GroundTruthFile } from './ground-truth.js';
import { planProject } from './plan.js';
import { compareCodeUnits } from '../util/compare.js';

/** Named sizes in files. */
export const PROJECT_SIZES = { small: 200, medium: 2_000, large: 20_000, xl: 100_000 } as const;

export type ProjectSize = keyof typeof PROJECT_SIZES;

interface GenerateOptions {
  /** A named size or an exact number of source files. */
  readonly size: ProjectSize | number;
  readonly seed: number;
  /** Created if missing; existing files with the same names are overwritten. */
  readonly outDir: string;
}


function fileCount(size: ProjectSize | number): number {
  const count = typeof size === 'number' ? size : PROJECT_SIZES[size];
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`size must be a named size or a positive integer (got ${size})`);
  return count;
}

function projectFiles(): [string, string][] {
  const pkg = { name: 'synthetic-project', version: '1.0.0', private: true, type: 'module', scripts: { build: 'tsc -p tsconfig.json' } };
  const tsconfig = {
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', strict: true, allowJs: true, outDir: 'dist' },
    include: ['src'],
  };
  return [
    ['package.json', `${JSON.stringify(pkg, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`],
  ];
}

/** Write the project under outDir and return its ground truth (also written as sonde-ground-truth.json). */
export function generateProject(options: GenerateOptions): GroundTruth {
  const count = fileCount(options.size);
  const plan = planProject(count, options.seed);
  const madeDirs = new Set<string>();
  const write = (rel: string, text: string) => {
    const abs = join(options.outDir, rel);
    const dir = dirname(abs);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(abs, text);
  };
  let bytes = 0;
  let lines = 0;
  let functions = 0;
  const files: GroundTruthFile[] = [];
  const unusedExports: GroundTruthExport[] = [];
  for (const file of plan.files) {
    const emitted = emitFile(plan, file, options.seed);
    write(file.path, emitted.text);
    bytes += Buffer.byteLength(emitted.text);
    lines += emitted.lines;
    functions += emitted.functions.length;
    files.push({
      path: file.path,
      language: file.language,
      lines: emitted.lines,
      code: emitted.code,
      comment: emitted.comment,
      blank: emitted.blank,
      functions: emitted.functions,
    });
    for (const exp of file.exports) {
      if (exp.importers.length > 0) continue;
      const line = emitted.exportLines.get(exp);
      if (line === undefined) throw new Error(`generator bug: export ${exp.name} of ${file.path} was not emitted`);
      unusedExports.push({ path: file.path, name: exp.isDefault ? 'default' : exp.name, line });
    }
  }
  for (const [rel, text] of projectFiles()) write(rel, text);
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  unusedExports.sort((a, b) => compareCodeUnits(a.path, b.path) || a.line - b.line);
  const cycles = plan.rings.map((ring) => ring.map((i) => plan.files[i].path).sort(compareCodeUnits)).sort((a, b) => compareCodeUnits(a[0], b[0]));
  const truth: GroundTruth = {
    schemaVersion: 1,
    generator: { seed: options.seed, size: String(options.size), files: count },
    totals: { files: count, lines, functions, bytes },
    files,
    cycles,
    unusedExports,
  };
  write(GROUND_TRUTH_FILE, `${JSON.stringify(truth)}\n`);
  return truth;
}
