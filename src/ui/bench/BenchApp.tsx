import { Box, Static, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { BenchEvent, BenchListener } from '../../bench/events.js';
import type { BenchReport } from '../../bench/types.js';
import { benchResultLines, matrixRows } from './bench-lines.js';
import { applyBenchEvents, initialBench } from './bench-progress.js';
import { BenchMatrix } from './BenchMatrix.js';
import { EventChannel } from '../kit/event-channel.js';
import { escapeTerminal, formatDuration } from '../../text/index.js';
import { useBatchedEvents } from '../kit/use-batched-events.js';
import { useTerminalSize } from '../kit/use-terminal-size.js';
import { LineList } from '../kit/LineList.js';
import { LOG_PREFIX } from '../scan/ScanningView.js';
import { createTheme, ThemeContext } from '../kit/theme.js';

interface BenchAppProps {
  readonly color: boolean;
  readonly runBench: (listener: BenchListener, signal: AbortSignal) => Promise<BenchReport>;
  readonly onOutcome: (report: BenchReport | undefined) => void;
}

type Outcome = { readonly kind: 'running' } | { readonly kind: 'done'; readonly report: BenchReport } | { readonly kind: 'failed'; readonly message: string };

/** The header's note on warm-ups: they run first, per strategy, and are not counted (drawn dim in the matrix). */
export function warmupNote(warmupRuns: number): string {
  if (warmupRuns <= 0) return '';
  return ` · ${warmupRuns} warm-up run${warmupRuns === 1 ? '' : 's'} per strategy, not counted`;
}

/** Runs the benchmark with a live matrix, then shows the results; `q` quits (aborting a running benchmark). */
export function BenchApp({ color, runBench, onOutcome }: BenchAppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [channel] = useState(() => new EventChannel<BenchEvent>());
  const progress = useBatchedEvents(channel.subscribe, () => initialBench(Date.now()), applyBenchEvents, (e) => e.type === 'bench:done');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'running' });
  const [top, setTop] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let live = true;
    runBench(channel.emit, controller.signal).then(
      (report) => {
        if (!live) return;
        onOutcome(report);
        setOutcome({ kind: 'done', report });
      },
      (error: unknown) => {
        if (!live) return;
        onOutcome(undefined);
        setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
  }, []);

  const matrix = matrixRows(progress, columns);
  const results = outcome.kind === 'done' ? benchResultLines(outcome.report, columns) : [];
  // The frame stays one row shorter than the terminal (see layout.ts).
  const resultHeight = Math.max(3, rows - 1 - matrix.length - 3);
  useInput((input, key) => {
    if (input.includes('q')) exit();
    else if (key.downArrow || input === 'j') setTop((t) => Math.min(Math.max(0, results.length - resultHeight), t + 1));
    else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
  });

  const theme = createTheme(color);
  const size = progress.size ? ` · size ${progress.size.name} (${progress.size.files} files)` : '';
  return (
    <ThemeContext.Provider value={theme}>
      {/* Warnings come at the end of a run and are listed under the results' Warnings
          heading; printed here too they were a stray line above the header. */}
      <Static items={progress.messages.filter((m) => m.level !== 'warning')}>
        {(m) => (
          <Text key={m.id} wrap="truncate-end" color={theme.severity[m.level]}>
            {LOG_PREFIX[m.level]}
            {m.text}
          </Text>
        )}
      </Static>
      <Box flexDirection="column" width={columns}>
        <Text wrap="truncate-end" bold={color}>
          sonde bench {progress.target}
          {size} · {formatDuration(progress.now - progress.startedAt)}
          {warmupNote(progress.warmupRuns)}
        </Text>
        <BenchMatrix rows={matrix} />
        {outcome.kind === 'done' ? <LineList lines={results} height={Math.min(resultHeight, results.length)} top={top} /> : null}
        {outcome.kind === 'failed' ? <Text color={theme.severity.error}>✗ The benchmark failed: {escapeTerminal(outcome.message)}</Text> : null}
        <Text dimColor={theme.muted}>{outcome.kind === 'running' ? 'q abort' : results.length > resultHeight ? '↑↓ scroll · q quit' : 'q quit'}</Text>
      </Box>
    </ThemeContext.Provider>
  );
}
