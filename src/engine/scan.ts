/** `scan()`: the engine's entry, for the CLI and for programmatic use. */
import { performance } from 'node:perf_hooks';
import type { ScanOptions } from '../config/options.js';
import { peakRssBytes } from '../profiler/sampler.js';
import type { ScanResult } from '../types.js';
import { ScanEventBus } from './events.js';
import { runPipeline, type PipelineContext } from './pipeline.js';

/** What a caller may inject; everything has a real default. */
export interface ScanContext extends Omit<PipelineContext, 'bus'> {
  readonly bus?: ScanEventBus;
  /**
   * What to do with the result before the scan is done (the CLI writes its
   * report here): timed as the `report` phase, between the pipeline and
   * `scan:done`. The result cannot hold this phase's time, since it is its input.
   */
  readonly report?: (result: ScanResult) => void | Promise<void>;
  /**
   * The caller's last word on the result, before `report` and `scan:done`
   * (the CLI marks suppressed findings here), so that the report, the
   * listeners (the interactive view) and the returned result all agree.
   */
  readonly finish?: (result: ScanResult) => ScanResult;
}

/**
 * Runs the pipeline, then the caller's `report`, then announces `scan:done`:
 * the engine owns every event of the scan, in order.
 */
export async function scan(options: ScanOptions, context: ScanContext = {}): Promise<ScanResult> {
  const { report, finish, ...rest } = context;
  const bus = context.bus ?? new ScanEventBus();
  const pipelineResult = await runPipeline(options, { ...rest, bus });
  const result = withPeakRss(finish ? finish(pipelineResult) : pipelineResult);
  if (!report) {
    bus.emit({ type: 'scan:done', result });
    return result;
  }
  bus.emit({ type: 'phase:start', phase: 'report' });
  const started = performance.now();
  await report(result);
  bus.emit({ type: 'phase:end', phase: 'report', durationMs: performance.now() - started });
  // The report's own text comes before its end; the result handed back includes the report phase.
  const reported = withPeakRss(result);
  bus.emit({ type: 'scan:done', result: reported });
  return reported;
}

/**
 * The result with the process's peak RSS so far: the pipeline's sampler
 * stopped before `finish` and the report, which a streamed report keeps
 * below the analysis's peak but a large pretty report may not.
 */
function withPeakRss(result: ScanResult): ScanResult {
  const peak = peakRssBytes();
  if (peak <= result.profile.peakRssBytes) return result;
  return { ...result, profile: { ...result.profile, peakRssBytes: peak } };
}
