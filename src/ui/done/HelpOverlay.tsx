import { Box, Text } from 'ink';
import { useTheme } from '../kit/theme.js';

const HELP_KEYS: readonly (readonly [string, string])[] = [
  ['1–6  Tab  ← →', 'switch tab (Shift-Tab: back)'],
  ['↑ ↓  j k', 'move (PgUp/PgDn, space, Home/End, G)'],
  ['Enter', 'details of the file (Directories: its files)'],
  ['Esc', 'close details / clear the filter'],
  ['/', 'filter: type, Enter keeps, Esc clears'],
  ['s', 'sort: Files by lines, complexity, findings, path; Hotspots by cyc/cog'],
  ['g', 'group findings by rule / by file'],
  ['r', 'rescan (a warm cache makes it fast)'],
  ['?', 'this help (any key closes it)'],
  ['q', 'quit'],
];

const KEYS_WIDTH = 16;

/** The key reference, drawn in place of the body. */
export function HelpOverlay({ height }: { readonly height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text bold={theme.color}>Keys</Text>
      {/* A description wraps under itself rather than being cut at a narrow width (80 columns). */}
      {HELP_KEYS.map(([keys, what]) => (
        <Box key={keys} flexDirection="row">
          <Box width={KEYS_WIDTH} flexShrink={0}>
            <Text color={theme.accent}>{keys}</Text>
          </Box>
          <Text wrap="wrap">{what}</Text>
        </Box>
      ))}
    </Box>
  );
}
