/**
 * `runTune`: the programmatic entry of `sonde tune`. Measures, then
 * recommends; saving the record and writing the config are the command's.
 */
import fs from 'node:fs';
import os from 'node:os';
import { UserError } from '../../errors.js';
import { currentMachine, sizeClassOf, type MachineKey, type SizeClass, type TunedRecord } from '../../parallel/tuned-record.js';
import { TOOL_VERSION } from '../../version.js';
import { median } from '../stats/index.js';
import { recommendSettings, type TuneRecommendation } from './decide.js';
import { measureTune, type TuneEvent, type TuneMeasurement } from './measure.js';
import { workerCandidates } from './plan.js';

export interface TuneOptions {
  readonly target: string;
  readonly budgetMs: number;
  /** Worker counts to measure; default: workerCandidates(cores). */
  readonly workers?: readonly number[];
  readonly cores?: number;
  readonly bin?: string;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: TuneEvent) => void;
}

export interface TuneReport {
  readonly target: string;
  readonly machine: MachineKey;
  /** Files and lines the scans saw (median over the runs). */
  readonly files: number;
  readonly lines: number;
  readonly sizeClass: SizeClass;
  readonly budgetMs: number;
  readonly measurement: TuneMeasurement;
  readonly recommendation: TuneRecommendation;
}

/** Measures the settings on `target` within the budget and recommends one. */
export async function runTune(options: TuneOptions): Promise<TuneReport> {
  if (!fs.statSync(options.target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError('ROOT_NOT_FOUND', `No directory at ${options.target}.`, 'Pass the path of a project to tune for.');
  }
  const cores = options.cores ?? os.availableParallelism();
  const measurement = await measureTune({
    target: options.target,
    workers: options.workers ?? workerCandidates(cores),
    budgetMs: options.budgetMs,
    ...(options.bin ? { bin: options.bin } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const samples = measurement.arms.flatMap((arm) => arm.samples);
  if (samples.length === 0) {
    const why = measurement.arms.flatMap((arm) => arm.failures)[0] ?? 'no runs';
    throw new UserError('TUNE_FAILED', `Every tuning run failed: ${why}`, 'Check that `sonde scan` works on this path.');
  }
  const files = median(samples.map((s) => s.files));
  return {
    target: options.target,
    machine: currentMachine(),
    files,
    lines: median(samples.map((s) => s.lines)),
    sizeClass: sizeClassOf(files),
    budgetMs: options.budgetMs,
    measurement,
    recommendation: recommendSettings(measurement),
  };
}

/** The record `--parallel auto` reads back for this machine and size class. */
export function tunedRecordOf(report: TuneReport, date = new Date()): TunedRecord {
  const { recommendation: r } = report;
  return {
    version: 1,
    machine: report.machine,
    sizeClass: report.sizeClass,
    files: Math.round(report.files),
    workers: r.workers.choice,
    cache: r.cache.choice,
    maxMemoryBytes: r.memory.budgetBytes,
    tunedAt: date.toISOString(),
    toolVersion: TOOL_VERSION,
  };
}
