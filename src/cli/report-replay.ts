/**
 * Report replay: a warm scan whose inputs all match the scan memo prints the
 * report it printed last time for the same report options, instead of loading
 * every file's facts and findings and laying them out again — as Turborepo
 * replays a cached task's logs. The text is kept (signed, in the cache, beside
 * the memo) under the memo's digest of the inputs and a key of everything the
 * report's text depends on besides the results: the format, the layout
 * options (columns, colour, working directory, hotspot count), `--quiet`, the
 * suppressions applied, sonde's version. Anything else that reaches the text
 * is drawn fresh or keeps a scan from replaying:
 * - the pretty summary's strategy, cache and duration lines are drawn for this
 *   run from the figures kept beside the text;
 * - a scan that has a warning to say (a cache problem, a named file left out)
 *   is not replayed, and a report that had warnings is not kept;
 * - the exit code comes from the severity counts kept with the text.
 * Only for the text formats (pretty, compact, github), without progress
 * output or a job queue, and only when the suppressions file is applied, not
 * written.
 */
import { createHash } from 'node:crypto';
import { stableJson } from '../cache/namespace.js';
import { saveReplay } from '../engine/scan-memo.js';
import { openCache } from '../engine/strategy.js';
import type { SummaryFigures } from '../reporters/pretty.js';
import type { ReporterOptions } from '../reporters/reporter.js';
import type { ScanResult, Severity } from '../types.js';
import { TOOL_VERSION } from '../version.js';
import { countSeverities } from './exit-code.js';
import type { ScanCommandOptions } from './scan-args.js';
import type { Suppressions } from '../config/suppressions.js';

const REPLAYABLE_FORMATS: ReadonlySet<string> = new Set(['pretty', 'compact', 'github']);

/** What is kept beside the text. */
interface ReplayMeta {
  /** Active (not suppressed) findings by severity: the exit code. */
  readonly counts: Record<Severity, number>;
  /** The scan found files or skipped some (an empty scan is an error). */
  readonly matched: boolean;
  /** Pretty only: the summary's figures, for a summary drawn fresh. */
  readonly summary?: SummaryFigures;
}

/** True when this run's report may be replayed and kept. */
export function replayable(options: ScanCommandOptions): boolean {
  return (
    REPLAYABLE_FORMATS.has(options.format) &&
    options.progress === 'none' &&
    options.scan.cache.enabled &&
    options.scan.maxMemory === undefined &&
    // A queue scan's strategy line names the queue, which a replay would not connect to.
    options.scan.queue === undefined &&
    options.suppressions.mode.kind === 'apply'
  );
}

/** The key of a replayable run's report options: everything its text depends on besides the results. */
export function replayKey(options: ScanCommandOptions, presentation: ReporterOptions, suppressions: Suppressions): string {
  const described = stableJson({
    v: 1,
    tool: TOOL_VERSION,
    format: options.format,
    quiet: options.quiet,
    presentation: { ...presentation, columns: String(presentation.columns) },
    suppressions,
  });
  return createHash('sha256').update(described).digest('hex');
}

/** The replayed report, its pretty summary drawn for this run. */
export async function replayedChunks(result: ScanResult, options: ScanCommandOptions, presentation: ReporterOptions): Promise<string[]> {
  const { text, meta } = result.replayed!;
  const summary = (meta as unknown as ReplayMeta).summary;
  if (options.format !== 'pretty' || !summary) return [text];
  const { prettySummary } = await import('../reporters/pretty.js');
  return [prettySummary(summary, result, presentation), text];
}

/** The kept counts, as exitVerdict reads them. */
export function replayedCounts(result: ScanResult): { readonly counts: Record<Severity, number>; readonly matched: boolean } {
  const meta = result.replayed!.meta as unknown as ReplayMeta;
  return { counts: meta.counts, matched: meta.matched };
}

/**
 * Keeps the report just written (of `reported`, what the reporter was given)
 * for the next run with the same inputs and options. Pretty keeps what follows its summary (the summary's first blank
 * line ends it). Nothing is kept for a scan with warnings or without a memo
 * digest; a failing cache only warns, as on any write.
 */
export async function keepReport(
  result: ScanResult,
  reported: ScanResult,
  options: ScanCommandOptions,
  key: string,
  text: string,
): Promise<void> {
  if (!result.memoDigest || result.warnings.length > 0) return;
  let kept = text;
  let summary: ReplayMeta['summary'];
  if (options.format === 'pretty') {
    const end = text.indexOf('\n\n');
    if (end < 0) return;
    kept = text.slice(end + 1);
    // The figures of what the reporter was given (--quiet gives it the errors only).
    summary = (await import('../reporters/pretty.js')).summaryFigures(reported);
  }
  // The cache line of a memo hit on these inputs: every file with facts is a hit, a file whose bytes do not decode a miss.
  const hits = result.files.filter((file) => file.facts !== null && !file.error).length;
  const misses = result.files.filter((file) => file.error?.code === 'binary' || file.error?.code === 'encoding').length;
  const meta: ReplayMeta = { counts: countSeverities(result), matched: result.files.length > 0 || result.skipped.length > 0, ...(summary ? { summary } : {}) };
  const cache = await openCache(options.scan, () => {});
  try {
    await saveReplay(cache, options.scan, key, { digest: result.memoDigest, text: kept, cache: { hits, misses }, meta: meta as unknown as Record<string, unknown> });
  } finally {
    await cache.close();
  }
}
