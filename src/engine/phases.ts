import { performance } from 'node:perf_hooks';
import type { PhaseName, PhaseTiming } from '../types.js';
import type { ScanEventBus } from './events.js';

/** Times the scan's phases and announces them on the bus. */
export class PhaseClock {
  readonly #origin = performance.now();
  readonly #timings: PhaseTiming[] = [];
  readonly #bus: ScanEventBus;

  constructor(bus: ScanEventBus) {
    this.#bus = bus;
  }

  /** Runs `work` as the named phase; the timing is recorded even if it throws. */
  async time<T>(phase: PhaseName, work: () => T | Promise<T>): Promise<T> {
    this.#bus.emit({ type: 'phase:start', phase });
    const start = performance.now();
    try {
      return await work();
    } finally {
      const durationMs = performance.now() - start;
      this.#timings.push({ phase, startMs: round(start - this.#origin), durationMs: round(durationMs) });
      this.#bus.emit({ type: 'phase:end', phase, durationMs });
    }
  }

  elapsedMs(): number {
    return round(performance.now() - this.#origin);
  }

  get timings(): readonly PhaseTiming[] {
    return this.#timings;
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
