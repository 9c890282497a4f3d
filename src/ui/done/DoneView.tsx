import { Box, Text } from 'ink';
import type { BodyView } from './body-view.js';
import { bodyCursor } from './body-view.js';
import { escapeTerminal, formatCount, formatDuration, padEnd, truncate, truncateStart } from '../../text/index.js';
import { HelpOverlay } from './HelpOverlay.js';
import { bodyHeight } from '../kit/layout.js';
import { LineList } from '../kit/LineList.js';
import { activeFilter, type NavState } from './navigation.js';
import { TabBar } from './TabBar.js';
import { useTheme } from '../kit/theme.js';
import type { ScanResult } from '../../types.js';

interface DoneViewProps {
  readonly result: ScanResult;
  readonly nav: NavState;
  readonly body: BodyView;
  readonly width: number;
  readonly height: number;
}

/** The finished scan: header, tabs, the current tab's body, and the key hints (or the filter prompt). */
export function DoneView({ result, nav, body, width, height }: DoneViewProps) {
  const theme = useTheme();
  const rows = bodyHeight(height);
  const cursor = bodyCursor(nav);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" bold={theme.color}>
        {headerText(result, width)}
      </Text>
      <TabBar current={nav.tab} />
      <Text wrap="truncate-end" dimColor={theme.muted}>
        {subheader(body, nav, cursor, width)}
      </Text>
      {nav.help ? (
        <HelpOverlay height={rows} />
      ) : (
        <LineList
          lines={body.lines}
          height={rows}
          emptyText={body.emptyText}
          {...(body.selectable ? { selected: cursor } : { top: cursor })}
        />
      )}
      <Text wrap="truncate-end" color={nav.draft !== undefined ? theme.accent : undefined} dimColor={nav.draft === undefined && theme.muted}>
        {footer(nav)}
      </Text>
    </Box>
  );
}

function headerText(result: ScanResult, width: number): string {
  const how = result.strategy === 'parallel' ? `parallel ×${result.workers}` : 'sequential';
  const cache = result.cache.enabled ? `cache ${formatCount(result.cache.hits)}/${formatCount(result.cache.hits + result.cache.misses)} hits` : 'no cache';
  const tail = ` · ${formatCount(result.files.length)} files · ${formatDuration(result.durationMs)} · ${how} · ${cache}`;
  return `sonde ${truncateStart(escapeTerminal(result.root), Math.max(8, width - tail.length - 7))}${tail}`;
}

function subheader(body: BodyView, nav: NavState, cursor: number, width: number): string {
  const parts: string[] = [];
  const filter = activeFilter(nav);
  if (filter && nav.details === undefined) parts.push(`filter "${filter}"`);
  if (body.selectable && body.lines.length > 0) parts.push(`${cursor + 1}/${formatCount(body.lines.length)}`);
  const status = parts.join(' · ');
  const room = Math.max(0, width - status.length - 2);
  const header = escapeTerminal(body.header);
  const head = nav.details !== undefined ? truncateStart(header, room) : truncate(header, room);
  return status ? `${padEnd(head, room)}  ${status}` : head;
}

function footer(nav: NavState): string {
  if (nav.draft !== undefined) return `/${nav.draft}▏  Enter keep · Esc clear`;
  if (nav.help) return 'any key closes the help';
  if (nav.details !== undefined) return '↑↓ scroll · Esc back · q quit';
  const extra = nav.tab === 'files' || nav.tab === 'hotspots' ? ' · s sort' : nav.tab === 'findings' ? ' · g group' : '';
  return `←→ tabs · ↑↓ move · ⏎ open · / filter${extra} · r rescan · ? help · q quit`;
}
