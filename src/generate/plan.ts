/**
 * The project plan: which files exist, in which language, what each exports
 * and who imports it. Every import edge points from a higher file index to a
 * lower one, except one planted back edge per ring of contiguous files, so
 * the strongly connected components are exactly the planted rings. An export
 * with no importer is, by construction, an unused export.
 */
import { Random } from './random.js';
import { AREAS, NOUNS, SUFFIXES, VERBS, camel, constant, pascal } from './vocabulary.js';

type Language = 'ts' | 'tsx' | 'js';
type ExportKind = 'function' | 'class' | 'const' | 'component' | 'type';

export interface PlannedExport {
  readonly name: string;
  readonly kind: ExportKind;
  readonly isDefault: boolean;
  /** Indices of the files that import it. */
  readonly importers: number[];
}

export interface PlannedFile {
  readonly index: number;
  /** Relative path, forward slashes. */
  readonly path: string;
  readonly language: Language;
  /** Identifier words from the file's stem, e.g. ['order', 'cache']. */
  readonly words: readonly string[];
  readonly targetLines: number;
  readonly exports: PlannedExport[];
  /** Imports by target file index. */
  readonly imports: Map<number, PlannedExport[]>;
}

export interface ProjectPlan {
  readonly files: readonly PlannedFile[];
  /** Planted import cycles, as lists of file indices. */
  readonly rings: readonly (readonly number[])[];
}

const EXT: Record<Language, string> = { ts: '.ts', tsx: '.tsx', js: '.js' };

function planPaths(rnd: Random, count: number): { dir: string; stem: string[]; language: Language }[] {
  const out: { dir: string; stem: string[]; language: Language }[] = [];
  const usedDirs = new Set<string>();
  const usedStems = new Set<string>();
  let dir = '';
  let left = 0;
  for (let i = 0; i < count - 1; i++) {
    if (left === 0) {
      const base = `src/${rnd.pick(AREAS)}/${rnd.pick(NOUNS)}`;
      dir = base;
      for (let k = 2; usedDirs.has(dir); k++) dir = `${base}-${k}`;
      usedDirs.add(dir);
      left = rnd.int(4, 25);
    }
    left--;
    // Stems are unique project-wide, so names derived from them never collide across imports.
    const words = [rnd.pick(NOUNS), rnd.pick(SUFFIXES)];
    let stem = words.join('-');
    for (let k = 2; usedStems.has(stem); k++) stem = `${words.join('-')}-${k}`;
    usedStems.add(stem);
    const language = rnd.weighted<Language>([['ts', 0.6], ['tsx', 0.15], ['js', 0.25]]);
    out.push({ dir, stem: stem.split('-'), language });
  }
  out.push({ dir: 'src', stem: ['main'], language: 'ts' });
  return out;
}

function planExports(rnd: Random, file: { words: readonly string[]; language: Language; targetLines: number }): PlannedExport[] {
  const count = Math.min(6, 1 + Math.floor(file.targetLines / 70) + rnd.int(0, 1));
  const verbs = [...VERBS];
  const exports: PlannedExport[] = [];
  const P = pascal(file.words);
  for (let e = 0; e < count; e++) {
    let kind: ExportKind;
    if (file.language === 'tsx' && e === 0) kind = 'component';
    else kind = rnd.weighted<ExportKind>([['function', 0.55], ['class', 0.25], ['const', 0.2]]);
    if (kind === 'class' && exports.some((x) => x.kind === 'class')) kind = 'function';
    if (kind === 'const' && exports.some((x) => x.kind === 'const')) kind = 'function';
    let name: string;
    if (kind === 'component') name = `${P}View`;
    else if (kind === 'class') name = `${P}${rnd.pick(['Store', 'Manager', 'Registry', 'Controller'])}`;
    else if (kind === 'const') name = constant([...file.words, rnd.pick(['limit', 'timeout', 'version', 'retries'])]);
    else name = camel([verbs.splice(rnd.int(0, verbs.length - 1), 1)[0], ...file.words]);
    exports.push({ name, kind, isDefault: kind === 'component' && rnd.chance(0.5), importers: [] });
  }
  if (file.language !== 'js') exports.push({ name: `${P}Item`, kind: 'type', isDefault: false, importers: [] });
  return exports;
}

function planRings(rnd: Random, count: number): number[][] {
  if (count < 4) return [];
  const wanted = Math.max(1, Math.floor(count / 50));
  const rings: number[][] = [];
  const taken = new Set<number>();
  for (let attempt = 0; rings.length < wanted && attempt < wanted * 20; attempt++) {
    const size = rnd.int(2, 4);
    const start = rnd.int(0, count - 2 - size);
    if (start < 0) break;
    const members = Array.from({ length: size }, (_, k) => start + k);
    // Keep a gap between rings so no two rings touch.
    if (members.some((m) => taken.has(m) || taken.has(m - 1) || taken.has(m + 1))) continue;
    for (const m of members) taken.add(m);
    rings.push(members);
  }
  return rings.sort((a, b) => a[0] - b[0]);
}

function link(file: PlannedFile, exp: PlannedExport, importer: PlannedFile): void {
  if (!exp.importers.includes(importer.index)) exp.importers.push(importer.index);
  const list = importer.imports.get(file.index) ?? [];
  if (!list.includes(exp)) list.push(exp);
  importer.imports.set(file.index, list);
}

/** Plan a project of `count` files (the last one is src/main.ts, which exports nothing). */
export function planProject(count: number, seed: number): ProjectPlan {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`file count must be a positive integer (got ${count})`);
  const rnd = new Random(seed);
  const files: PlannedFile[] = planPaths(rnd, count).map((p, index) => {
    const targetLines = Math.round(Math.min(1500, Math.max(12, rnd.logNormal(60, 0.75))));
    return {
      index,
      path: `${p.dir}/${p.stem.join('-')}${EXT[p.language]}`,
      language: p.language,
      words: p.stem,
      targetLines,
      exports: [],
      imports: new Map(),
    };
  });
  for (const f of files.slice(0, -1)) f.exports.push(...planExports(rnd, f));
  const rings = planRings(rnd, count);
  const ringOf = new Map<number, number[]>();
  for (const ring of rings) for (const m of ring) ringOf.set(m, ring);
  const firstValue = (f: PlannedFile) => f.exports.find((e) => e.kind !== 'type' && !e.isDefault) ?? f.exports[0];
  for (const ring of rings) {
    for (let k = 1; k < ring.length; k++) link(files[ring[k - 1]], firstValue(files[ring[k - 1]]), files[ring[k]]);
    const last = files[ring[ring.length - 1]];
    link(last, firstValue(last), files[ring[0]]);
  }
  for (const file of files) {
    for (const exp of file.exports) {
      if (exp.importers.length > 0) continue;
      if (exp.kind !== 'type' && rnd.chance(0.08)) continue; // deliberately unused
      let target = Math.min(count - 1, file.index + 1 + Math.floor(rnd.logNormal(3, 1.2)));
      // Types can only be imported by TypeScript files.
      if (exp.kind === 'type') while (target < count && files[target].language === 'js') target++;
      if (target < count && target > file.index) link(file, exp, files[target]);
      if (exp.importers.length > 0 && rnd.chance(0.25)) {
        const second = Math.min(count - 1, file.index + 1 + Math.floor(rnd.logNormal(8, 1.5)));
        if (exp.kind !== 'type' || files[second].language !== 'js') link(file, exp, files[second]);
      }
    }
    // An exported type nobody imports stays a local interface: the ground truth then needs no view on unused types.
    const typeIndex = file.exports.findIndex((e) => e.kind === 'type' && e.importers.length === 0);
    if (typeIndex >= 0) file.exports.splice(typeIndex, 1);
  }
  return { files, rings };
}
