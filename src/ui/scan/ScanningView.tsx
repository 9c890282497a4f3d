import { Box, Static, Text } from 'ink';
import { LineList } from '../kit/LineList.js';
import type { ScanProgress } from './scan-progress.js';
import { scanningLines } from './scanning-lines.js';
import { useTheme } from '../kit/theme.js';

/** Marks a log line's level without colour. */
export const LOG_PREFIX = { info: '· ', warning: '! ', error: '✗ ' } as const;

interface ScanningViewProps {
  readonly progress: ScanProgress;
  readonly width: number;
  readonly height: number;
}

/** The view while a scan runs: finished log lines above (printed once), the live area below. */
export function ScanningView({ progress, width, height }: ScanningViewProps) {
  const theme = useTheme();
  const lines = scanningLines(progress, width, height - 1);
  return (
    <Box flexDirection="column" width={width}>
      <Static items={[...progress.logs]}>
        {(log) => (
          <Text key={log.id} wrap="truncate-end" color={theme.color ? theme.severity[log.level] : undefined}>
            {LOG_PREFIX[log.level]}
            {log.text}
          </Text>
        )}
      </Static>
      <LineList lines={lines} height={lines.length} />
    </Box>
  );
}
