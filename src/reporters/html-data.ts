/**
 * The HTML report's data block: the same facts the JSON report states (files
 * in path order, functions, every finding, the summary, cycle groups of the
 * module graph), packed for a 20,000-file scan to stay a few megabytes and
 * parse in tens of milliseconds. Column arrays instead of objects (no key
 * repeated 200,000 times), one string table for every path segment, name,
 * rule and message (a rule id or a function name like `render` is stored once),
 * and directories as a tree of (parent, name) so a path is not repeated.
 */
import type { FileResult, ScanResult, Severity } from '../types.js';
import type { HtmlReportOptions } from './reporter.js';
import { allFindings, cacheHitRate, hotspots, sortedFiles, totals } from './report-model.js';
import { cycleGroups, type CycleGroupView } from './html-cycles.js';
import { compareCodeUnits } from '../util/compare.js';

/** Severity as a small number in the data: 0 info, 1 warning, 2 error. */
const SEVERITY_CODE: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** How many functions each hotspot list keeps (by cyclomatic, by cognitive). */
export const HOTSPOT_LIMIT = 100;

/** The page's data, as `JSON.parse` of the data block returns it. Short keys: they repeat in no array. */
export interface HtmlData {
  readonly v: 1;
  readonly meta: {
    readonly tool: string;
    readonly version: string;
    /** The scanned folder's name (not its absolute path, which says where the user's home is). */
    readonly rootName: string;
    readonly date: string | null;
    readonly command: string | null;
    readonly machine: string | null;
    readonly source: boolean;
  };
  readonly summary: {
    readonly files: number;
    readonly lines: number;
    readonly code: number;
    readonly functions: number;
    readonly findings: number;
    readonly suppressed: number;
    readonly errors: number;
    readonly skipped: number;
    readonly strategy: string;
    readonly workers: number;
    readonly cache: { readonly enabled: boolean; readonly hits: number; readonly misses: number; readonly hitRate: number | null };
    readonly durationMs: number;
  };
  /** The string table: every other string field is an index into it. */
  readonly s: readonly string[];
  /** Directories: parent index (-1 for the root, index 0) and name. */
  readonly d: { readonly p: readonly number[]; readonly n: readonly number[] };
  /** Files in path order: directory, name, lines, code lines, function count, error message (-1: none). */
  readonly f: {
    readonly d: readonly number[];
    readonly n: readonly number[];
    readonly l: readonly number[];
    readonly c: readonly number[];
    readonly k: readonly number[];
    readonly e: readonly number[];
  };
  /** Functions, file by file (file i owns the next `f.k[i]`): name, line, params, cyclomatic, cognitive, depth, length. */
  readonly fn: {
    readonly n: readonly number[];
    readonly l: readonly number[];
    readonly p: readonly number[];
    readonly cy: readonly number[];
    readonly cg: readonly number[];
    readonly dp: readonly number[];
    readonly ln: readonly number[];
  };
  /** Findings in report order: file (-1: none), rule, severity code, line, column, message, suppressed (0/1). */
  readonly x: {
    readonly f: readonly number[];
    readonly r: readonly number[];
    readonly sv: readonly number[];
    readonly l: readonly number[];
    readonly c: readonly number[];
    readonly m: readonly number[];
    readonly sp: readonly number[];
  };
  /** Function indices of the hotspot lists, in report-model order. */
  readonly hot: { readonly cy: readonly number[]; readonly cg: readonly number[] };
  /** Skipped files: path and reason. */
  readonly sk: readonly (readonly [number, number])[];
  /** Import-cycle groups: member files and the import edges between them (file indices). */
  readonly cyc: readonly { readonly m: readonly number[]; readonly e: readonly (readonly [number, number])[] }[];
  readonly w: readonly string[];
  /** Source text by file index, only with `--html-include-source`. */
  readonly src?: Readonly<Record<number, string>>;
}

/** Interns strings: the same string always gets the same index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.index.set(text, id);
    }
    return id;
  }
}

/** The directory tree of the files' paths; index 0 is the scanned root. */
function directories(files: readonly FileResult[], strings: StringTable): { dirs: HtmlData['d']; dirOf: number[]; nameOf: number[] } {
  const parents = [-1];
  const names = [strings.id('')];
  const byPath = new Map<string, number>([['', 0]]);
  const dirOf: number[] = [];
  const nameOf: number[] = [];
  const dirFor = (dirPath: string): number => {
    const known = byPath.get(dirPath);
    if (known !== undefined) return known;
    const slash = dirPath.lastIndexOf('/');
    const parent = dirFor(slash < 0 ? '' : dirPath.slice(0, slash));
    const id = parents.length;
    parents.push(parent);
    names.push(strings.id(dirPath.slice(slash + 1)));
    byPath.set(dirPath, id);
    return id;
  };
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    dirOf.push(dirFor(slash < 0 ? '' : file.path.slice(0, slash)));
    nameOf.push(strings.id(file.path.slice(slash + 1)));
  }
  return { dirs: { p: parents, n: names }, dirOf, nameOf };
}

/** Builds the data block from a scan result and the CLI's provenance. */
export function buildHtmlData(result: ScanResult, options: HtmlReportOptions = {}): HtmlData {
  const strings = new StringTable();
  const files = sortedFiles(result);
  const fileIndex = new Map(files.map((file, index) => [file.path, index]));
  const { dirs, dirOf, nameOf } = directories(files, strings);

  const f = { d: dirOf, n: nameOf, l: [] as number[], c: [] as number[], k: [] as number[], e: [] as number[] };
  const fn = { n: [] as number[], l: [] as number[], p: [] as number[], cy: [] as number[], cg: [] as number[], dp: [] as number[], ln: [] as number[] };
  // A function's index in `fn` by file and position, to point the hotspot lists at it. Not by object:
  // a large scan's facts are unpacked afresh on every read (engine/packed-facts.ts).
  const functionIndex = new Map<string, number>();
  const functionKey = (path: string, line: number, column: number) => `${line}:${column}:${path}`;
  let code = 0;
  for (const file of files) {
    const facts = file.error ? null : file.facts;
    f.l.push(facts?.lines ?? 0);
    f.c.push(facts?.code ?? 0);
    f.k.push(facts?.functions.length ?? 0);
    f.e.push(file.error ? strings.id(file.error.message) : -1);
    code += facts?.code ?? 0;
    for (const func of facts?.functions ?? []) {
      const key = functionKey(file.path, func.line, func.column);
      if (!functionIndex.has(key)) functionIndex.set(key, fn.n.length);
      fn.n.push(strings.id(func.name));
      fn.l.push(func.line);
      fn.p.push(func.params);
      fn.cy.push(func.cyclomatic);
      fn.cg.push(func.cognitive);
      fn.dp.push(func.maxDepth);
      fn.ln.push(func.length);
    }
  }

  const x = { f: [] as number[], r: [] as number[], sv: [] as number[], l: [] as number[], c: [] as number[], m: [] as number[], sp: [] as number[] };
  const findings = allFindings(result);
  for (const finding of findings) {
    x.f.push(fileIndex.get(finding.path) ?? -1);
    x.r.push(strings.id(finding.rule));
    x.sv.push(SEVERITY_CODE[finding.severity]);
    x.l.push(finding.line);
    x.c.push(finding.column);
    x.m.push(strings.id(finding.message));
    x.sp.push(finding.suppressed ? 1 : 0);
  }

  const hot = (sort: 'cyclomatic' | 'cognitive') =>
    hotspots(result, HOTSPOT_LIMIT, sort).map((spot) => functionIndex.get(functionKey(spot.path, spot.fn.line, spot.fn.column)) ?? -1);
  const count = totals(result);
  const suppressed = findings.filter((finding) => finding.suppressed).length + (result.suppressedFindings ?? 0);
  const sources = options.sources;
  const src: Record<number, string> = {};
  if (sources) files.forEach((file, index) => {
    const text = sources.get(file.path);
    if (text !== undefined) src[index] = text;
  });
  const slash = result.root.replace(/[\\/]+$/, '').split(/[\\/]/);

  return {
    v: 1,
    meta: {
      tool: 'sonde',
      version: result.toolVersion,
      rootName: slash[slash.length - 1] || result.root,
      date: options.date ?? null,
      command: options.commandLine ?? null,
      machine: options.machine ?? null,
      source: sources !== undefined,
    },
    summary: {
      files: count.files,
      lines: count.lines,
      code,
      functions: count.functions,
      findings: findings.length + (result.suppressedFindings ?? 0),
      suppressed,
      errors: count.errors,
      skipped: result.skipped.length,
      strategy: result.strategy,
      workers: result.workers,
      cache: { enabled: result.cache.enabled, hits: result.cache.hits, misses: result.cache.misses, hitRate: cacheHitRate(result.cache) },
      durationMs: result.durationMs,
    },
    s: strings.strings,
    d: dirs,
    f,
    fn,
    x,
    hot: { cy: hot('cyclomatic'), cg: hot('cognitive') },
    sk: [...result.skipped]
      .sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.reason, b.reason))
      .map((entry) => [strings.id(entry.path), strings.id(entry.reason)] as const),
    cyc: cycleGroups(result, fileIndex).map((group: CycleGroupView) => ({ m: group.members, e: group.edges })),
    w: [...result.warnings],
    ...(sources ? { src } : {}),
  };
}
