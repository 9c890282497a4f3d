import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { ScanEventBus } from '../../engine/events.js';
import type { ScanResult } from '../../types.js';
import { escapeTerminal } from '../../text/index.js';
import { DoneScreen } from '../done/DoneScreen.js';
import { useTerminalSize } from '../kit/use-terminal-size.js';
import { LiveScan } from './LiveScan.js';
import { navAfterRescan, type NavCommand, type NavState } from '../done/navigation.js';
import { createTheme, ThemeContext } from '../kit/theme.js';

interface ScanAppProps {
  readonly root: string;
  readonly color: boolean;
  readonly runScan: (bus: ScanEventBus, signal: AbortSignal) => Promise<ScanResult>;
  /** Told the outcome of each scan: its result, or undefined when it failed. */
  readonly onOutcome: (result: ScanResult | undefined) => void;
  /**
   * `--watch`: `runScan` stays resident and every `scan:done` on the bus is a
   * new result; the tabs show each one as it comes, keeping tab, filter and cursor.
   */
  readonly watch?: boolean;
}

type Stage =
  | { readonly kind: 'scanning'; readonly run: number; readonly bus: ScanEventBus }
  | { readonly kind: 'done'; readonly run: number; readonly result: ScanResult }
  | { readonly kind: 'failed'; readonly run: number; readonly message: string };

/** Runs a scan, shows it live, then the tabs; `r` runs it again, `q` quits (aborting a running scan). */
export function ScanApp({ root, color, runScan, onOutcome, watch = false }: ScanAppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [stage, setStage] = useState<Stage>(() => ({ kind: 'scanning', run: 0, bus: new ScanEventBus() }));
  // Where the user was on the done screen: `r` reopens the same tab and filter.
  const lastNav = useRef<NavState | undefined>(undefined);
  // --watch: the newest result and the paths it took in, while the watch runs on.
  const [watched, setWatched] = useState<{ readonly result: ScanResult; readonly changed: readonly string[] } | undefined>(undefined);

  useEffect(() => {
    if (!watch || stage.kind !== 'scanning') return;
    return stage.bus.on((event) => {
      if (event.type !== 'scan:done') return;
      onOutcome(event.result);
      setWatched({ result: event.result, changed: event.changed ?? [] });
    });
  }, [stage]);

  useEffect(() => {
    if (stage.kind !== 'scanning') return;
    const controller = new AbortController();
    let live = true;
    runScan(stage.bus, controller.signal).then(
      (result) => {
        if (!live) return;
        onOutcome(result);
        setStage({ kind: 'done', run: stage.run, result });
      },
      (error: unknown) => {
        if (!live) return;
        onOutcome(undefined);
        setStage({ kind: 'failed', run: stage.run, message: error instanceof Error ? error.message : String(error) });
      },
    );
    // Leaving the scanning stage early (quit, Ctrl-C) aborts the scan.
    return () => {
      live = false;
      controller.abort();
    };
  }, [stage]);

  const command = (next: NavCommand): void => {
    if (next === 'quit') exit();
    else setStage({ kind: 'scanning', run: stage.run + 1, bus: new ScanEventBus() });
  };
  useInput(
    (input) => {
      if (input.includes('q')) exit();
      else if (input.includes('r') && stage.kind === 'failed') command('rescan');
    },
    { isActive: stage.kind !== 'done' && watched === undefined },
  );

  return (
    <ThemeContext.Provider value={createTheme(color)}>
      {stage.kind === 'scanning' && watched ? (
        <Box flexDirection="column">
          <DoneScreen
            key={stage.run}
            result={watched.result}
            width={columns}
            height={rows - 1}
            onCommand={(next) => next === 'quit' && exit()}
            onNav={(nav) => (lastNav.current = nav)}
          />
          <Text dimColor>{watchLine(watched.changed)}</Text>
        </Box>
      ) : stage.kind === 'scanning' ? (
        <LiveScan key={stage.run} bus={stage.bus} root={root} width={columns} height={rows - 1} />
      ) : stage.kind === 'done' ? (
        <DoneScreen
          key={stage.run}
          result={stage.result}
          width={columns}
          height={rows}
          onCommand={command}
          {...(lastNav.current ? { initial: navAfterRescan(lastNav.current) } : {})}
          onNav={(nav) => (lastNav.current = nav)}
        />
      ) : (
        <Box flexDirection="column" width={columns}>
          <Text color={color ? 'red' : undefined}>✗ The scan failed: {escapeTerminal(stage.message)}</Text>
          <Text>r retry · q quit</Text>
        </Box>
      )}
    </ThemeContext.Provider>
  );
}

/** The status line under the tabs while watching: what the last batch took in. */
function watchLine(changed: readonly string[]): string {
  if (changed.length === 0) return 'watching for changes · q quit';
  const named = changed.slice(0, 2).map(escapeTerminal).join(', ');
  return `watching · updated: ${named}${changed.length > 2 ? ` and ${changed.length - 2} more` : ''} · q quit`;
}
