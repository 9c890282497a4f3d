/**
 * The cross-file pass: resolve every file's imports against the set of
 * scanned paths, build the module graph, report import cycles and unused
 * exports. It runs on every scan from the per-file facts (fresh or cached),
 * so its results can never be stale.
 */
import type { RulesConfig } from '../rules/rule.js';
import type { CrossFileResult, FileResult, Finding } from '../types.js';
import { buildGraph, type BuiltGraph } from './build-graph.js';
import { columnsToAdjacency, findCycleGroups } from './cycles.js';
import { findEntries } from './entries.js';
import { loadProjectConfig, type ProjectConfig } from './project-config.js';
import { createResolver } from './resolve.js';
import { findUnusedExports, type ModuleExports } from './unused-exports.js';
import { compareCodeUnits } from '../util/compare.js';

/** Inputs of the cross-file pass besides the files. */
export interface CrossFileOptions {
  /** Absolute scanned root (tsconfig.json / package.json are read from here as data). */
  readonly root: string;
  /** Extra entry globs (relative to root) whose exports count as used. */
  readonly entries: readonly string[];
  /** Leave edges made only of `import type` out of cycle detection. */
  readonly ignoreTypeOnlyCycles: boolean;
  /** `import-cycle` and `unused-export` enabled/severity. */
  readonly rules: RulesConfig;
}

/** The pass's result plus notes about configuration it could not use (unreadable tsconfig, unmapped entries). */
export interface CrossFileAnalysis extends CrossFileResult {
  readonly notes: readonly string[];
}

const byLocation = (a: Finding, b: Finding) =>
  compareCodeUnits(a.path ?? '', b.path ?? '') || a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.message, b.message);

function cycleFindings(built: BuiltGraph, ignoreTypeOnly: boolean, severity: Finding['severity']): Finding[] {
  const { count, from, to, typeOnly, line, anyLine } = built.edges;
  const keep = ignoreTypeOnly ? (i: number) => typeOnly[i] === 0 : () => true;
  const adj = columnsToAdjacency(built.nodes.length, count, from, to, keep);
  const groups = findCycleGroups(built.nodes.length, adj);
  // The line of each cycle's first import, looked up in one pass over the edges.
  const firstStep = new Map(groups.map((g) => [g.cycle[0], g.cycle[1]]));
  const lineOf = new Map<number, number>();
  for (let i = 0; i < count; i++) if (keep(i) && firstStep.get(from[i]) === to[i]) lineOf.set(from[i], ignoreTypeOnly ? line[i] : anyLine[i]);
  return groups.map((group) => {
    const names = group.cycle.map((v) => built.nodes[v]);
    const extra = group.members.length > group.cycle.length - 1 ? ` (${group.members.length} modules in this cycle group)` : '';
    return {
      rule: 'import-cycle',
      severity,
      path: names[0],
      line: lineOf.get(group.cycle[0]) ?? 1,
      column: 1,
      message: `Import cycle: ${names.join(' → ')}${extra}`,
    };
  });
}

function unusedFindings(built: BuiltGraph, entries: ReadonlySet<number>, severity: Finding['severity'], modules?: readonly ModuleExports[]): Finding[] {
  return findUnusedExports(built, entries, modules).map((u) => ({
    rule: 'unused-export',
    severity,
    path: built.nodes[u.node],
    line: u.line,
    column: 1,
    message:
      u.name === 'default'
        ? `Default export is never imported${u.from !== undefined ? ` (re-exported from '${u.from}')` : ''}`
        : `'${u.name}' is exported but never imported${u.from !== undefined ? ` (re-exported from '${u.from}')` : ''}`,
  }));
}

/** Builds the module graph and the cross-file findings (sorted by path, line, column). */
export async function analyzeCrossFile(files: readonly FileResult[], options: CrossFileOptions): Promise<CrossFileAnalysis> {
  const paths = files.map((f) => f.path);
  const project = await loadProjectConfig(options.root, paths);
  const notes = [...project.notes];
  const resolve = createResolver(options.root, new Set(paths), project);
  const built = buildGraph(files, resolve);
  return { graph: built.graph, findings: crossFileFindings(built, project, options, notes), notes: [...new Set(notes)] };
}

/** Cycles and unused exports of a built graph, sorted by path, line, column (shared with the watcher's incremental pass). */
export function crossFileFindings(
  built: BuiltGraph,
  project: ProjectConfig,
  options: CrossFileOptions,
  notes: string[],
  modules?: readonly ModuleExports[],
): Finding[] {
  const findings: Finding[] = [];
  const cycleRule = options.rules['import-cycle'];
  if (cycleRule?.enabled) findings.push(...cycleFindings(built, options.ignoreTypeOnlyCycles, cycleRule.severity));
  const unusedRule = options.rules['unused-export'];
  if (unusedRule?.enabled) {
    const entries = findEntries(options.root, built.nodes, project, options.entries, notes);
    findings.push(...unusedFindings(built, entries, unusedRule.severity, modules));
  }
  return findings.sort(byLocation);
}
