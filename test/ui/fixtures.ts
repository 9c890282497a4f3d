/**
 * Hand-built ScanResults for the UI tests: a small project with complex
 * functions, findings of every severity, a per-file error, cross-file
 * findings, profile samples and worker stats; and an empty one.
 */
import type { FileFacts, FileResult, Finding, FunctionFacts, ScanResult } from '../../src/types.js';

export function fn(name: string, line: number, cyclomatic: number, cognitive: number, extra: Partial<FunctionFacts> = {}): FunctionFacts {
  const length = extra.length ?? 10;
  return { name, line, column: 1, endLine: line + length - 1, params: 1, cyclomatic, cognitive, maxDepth: 1, length, ...extra };
}

function facts(lines: number, functions: FunctionFacts[]): FileFacts {
  return {
    lines,
    code: Math.round(lines * 0.7),
    comment: Math.round(lines * 0.2),
    blank: lines - Math.round(lines * 0.7) - Math.round(lines * 0.2),
    functions,
    imports: [],
    exports: [],
    observations: [],
  };
}

function file(path: string, lines: number, functions: FunctionFacts[]): FileResult {
  return { path, size: lines * 30, hash: `h-${path}`, facts: facts(lines, functions), error: null, cached: false };
}

const finding = (rule: string, severity: Finding['severity'], line: number, message: string): Finding => ({ rule, severity, line, column: 1, message });

/** A small project: 5 files in 3 directories, one unreadable. */
export function sampleResult(overrides: Partial<ScanResult> = {}): ScanResult {
  const files: FileResult[] = [
    file('src/core/engine.ts', 420, [fn('runEngine', 10, 24, 41, { maxDepth: 5, length: 120 }), fn('helper', 140, 3, 2)]),
    file('src/core/parse.ts', 210, [fn('parseToken', 5, 12, 18), fn('<anonymous>', 80, 1, 0)]),
    file('src/util/strings.ts', 60, [fn('pad', 1, 2, 1), fn('trim', 12, 1, 0)]),
    { path: 'src/util/broken.bin.js', size: 100, hash: 'h-bin', facts: null, error: { code: 'binary', message: 'binary file' }, cached: false },
    file('index.ts', 15, []),
  ];
  const fileFindings = new Map<string, readonly Finding[]>([
    ['src/core/engine.ts', [finding('complexity', 'warning', 10, "Function 'runEngine' has a complexity of 24. Maximum allowed is 10."), finding('cognitive-complexity', 'error', 10, "Function 'runEngine' has a cognitive complexity of 41.")]],
    ['src/core/parse.ts', [finding('complexity', 'warning', 5, "Function 'parseToken' has a complexity of 12."), finding('todo-comment', 'info', 30, 'TODO: handle unicode')]],
    // A file with an error has no facts and so no findings (the scan only applies rules to facts).
    ['src/util/strings.ts', [finding('parse-error', 'error', 1, "Parsing error: ')' expected.")]],
  ]);
  const samples = Array.from({ length: 40 }, (_, i) => ({
    t: i * 50,
    rss: 60_000_000 + i * 1_500_000,
    heapUsed: 20_000_000 + i * 500_000,
    heapTotal: 40_000_000,
    external: 1_000_000,
    cpuPercent: 100 + (i % 10) * 20,
  }));
  return {
    root: '/tmp/project',
    toolVersion: '0.1.0',
    strategy: 'parallel',
    workers: 2,
    files,
    fileFindings,
    crossFile: {
      graph: { nodes: [], edges: [], external: [], unresolved: [] },
      findings: [{ rule: 'unused-export', severity: 'info', path: 'src/util/strings.ts', line: 12, column: 1, message: "'trim' is exported but never imported." }],
    },
    skipped: [{ path: 'big.min.js', reason: 'minified' }],
    cache: { enabled: true, hits: 3, misses: 2 },
    durationMs: 1234,
    profile: {
      phases: [
        { phase: 'discover', startMs: 0, durationMs: 40 },
        { phase: 'read', startMs: 40, durationMs: 120 },
        { phase: 'analyze', startMs: 160, durationMs: 900 },
        { phase: 'cross-file', startMs: 1060, durationMs: 60 },
      ],
      samples,
      workers: [
        { id: 1, tasks: 2, files: 3, busyMs: 800, utilization: 0.89, heapUsedBytes: 30_000_000 },
        { id: 2, tasks: 1, files: 1, busyMs: 300, utilization: 0.33, heapUsedBytes: 20_000_000 },
      ],
      peakRssBytes: 118_500_000,
      cpuUserMs: 1500,
      cpuSystemMs: 200,
    },
    warnings: [],
    ...overrides,
  };
}

/** A scan of an empty directory. */
export function emptyResult(): ScanResult {
  return sampleResult({
    files: [],
    fileFindings: new Map(),
    crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] },
    skipped: [],
    cache: { enabled: false, hits: 0, misses: 0 },
    profile: { phases: [{ phase: 'discover', startMs: 0, durationMs: 3 }], samples: [], workers: [], peakRssBytes: 50_000_000, cpuUserMs: 10, cpuSystemMs: 2 },
    strategy: 'sequential',
    workers: 0,
  });
}

/** Many files, for scrolling and windowing. */
export function largeResult(count: number): ScanResult {
  const files = Array.from({ length: count }, (_, i) =>
    file(`src/gen/m${String(i).padStart(4, '0')}.ts`, 10 + i, [fn(`f${i}`, 1, 1 + (i % 17), i % 23)]),
  );
  return sampleResult({ files, fileFindings: new Map() });
}
