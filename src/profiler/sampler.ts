import { performance } from 'node:perf_hooks';
import type { ProfileSample } from '../types.js';

/** What the sampler hands back when stopped. */
export interface SamplerOutput {
  readonly samples: ProfileSample[];
  /** The kernel's high-water mark for this process (not the samples' max: sampling misses spikes). */
  readonly peakRssBytes: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** User + system CPU since the process started, start-up included. */
  readonly processCpuMs: number;
}

/** The kernel's high-water mark of this process's resident memory so far, in bytes (what /usr/bin/time's %M reports, ×1024). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

interface Sampler {
  stop(): SamplerOutput;
}

/**
 * Samples memory and CPU every `intervalMs` (0: no timeline, totals only).
 * CPU% comes from `process.cpuUsage()` deltas, which cover every thread of
 * the process (workers included) and are exact, unlike pidusage's coarse
 * per-second /proc readings at this interval.
 */
export function startSampler(intervalMs: number, onSample?: (sample: ProfileSample) => void): Sampler {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const samples: ProfileSample[] = [];
  let lastTime = startedAt;
  let lastCpu = cpuAtStart;

  const takeSample = () => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const cpuDeltaMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    const wallDeltaMs = now - lastTime;
    const memory = process.memoryUsage();
    const sample: ProfileSample = {
      t: Math.round(now - startedAt),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      cpuPercent: wallDeltaMs > 0 ? Math.round((cpuDeltaMs / wallDeltaMs) * 1000) / 10 : 0,
    };
    lastTime = now;
    lastCpu = cpu;
    samples.push(sample);
    onSample?.(sample);
  };

  const timer = intervalMs > 0 ? setInterval(takeSample, intervalMs) : undefined;
  timer?.unref();
  if (intervalMs > 0) takeSample();

  return {
    stop() {
      if (timer) {
        clearInterval(timer);
        takeSample();
      }
      const cpu = process.cpuUsage(cpuAtStart);
      const sinceProcessStart = process.cpuUsage();
      return {
        processCpuMs: Math.round((sinceProcessStart.user + sinceProcessStart.system) / 1000),
        samples,
        peakRssBytes: peakRssBytes(),
        cpuUserMs: Math.round(cpu.user / 1000),
        cpuSystemMs: Math.round(cpu.system / 1000),
      };
    },
  };
}
