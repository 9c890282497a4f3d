import { Box, Text } from 'ink';
import { toneProps } from '../kit/LineList.js';
import type { MatrixRow } from './bench-lines.js';
import { useTheme } from '../kit/theme.js';

/** Strategies × runs: ✓ and the wall ms as runs complete, warm-ups dimmed. */
export function BenchMatrix({ rows }: { readonly rows: readonly MatrixRow[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {rows.map((row) => (
        <Text key={row.strategy} wrap="truncate-end">
          <Text bold={theme.color}>{row.strategy}</Text>
          {row.cells.map((cell, i) => (
            <Text key={i} dimColor={cell.dim && theme.color} {...(cell.dim ? {} : toneProps(theme, cell.tone))}>
              {cell.text}
            </Text>
          ))}
          <Text dimColor={theme.muted}> {row.count}</Text>
        </Text>
      ))}
    </Box>
  );
}
