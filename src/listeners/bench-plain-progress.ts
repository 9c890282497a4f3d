/**
 * Plain progress for `sonde bench` when stderr is not a TTY (CI, pipes): one
 * line per finished run, no cursor tricks.
 */
import type { Writable } from 'node:stream';
import type { BenchListener } from '../bench/events.js';
import { escapeTerminal, formatMebibytes, formatMs } from '../text/index.js';

export function createPlainBenchListener(stream: Writable): BenchListener {
  const write = (line: string): void => {
    stream.write(`${line}\n`);
  };
  return (event) => {
    switch (event.type) {
      case 'bench:start':
        write(
          `sonde bench: ${escapeTerminal(event.target)} — ${event.strategies.join(', ')}; ` +
            `${event.warmupRuns} warm-up, at least ${event.plannedRuns} runs each (round-robin, one process per run)`,
        );
        break;
      case 'suite:size':
        write(`size: ${event.size} (${event.files.toLocaleString('en-US')} files)`);
        break;
      case 'run:done': {
        const what = `${event.warmup ? 'warm-up' : 'run'} ${event.run}`;
        if (event.error) write(`  ${event.strategy} ${what}: FAILED ${escapeTerminal(event.error)}`);
        else write(`  ${event.strategy} ${what}: ${formatMs(event.wallMs)}, peak RSS ${formatMebibytes(event.peakRssBytes)}`);
        break;
      }
      case 'bench:message':
        write(escapeTerminal(event.level === 'warning' ? `warning: ${event.message}` : event.message));
        break;
      case 'run:start':
      case 'bench:done':
        break;
    }
  };
}
