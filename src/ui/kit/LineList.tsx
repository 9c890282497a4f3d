import { Box, Text } from 'ink';
import type { Line, Tone } from './line.js';
import { windowStart } from './line.js';
import { useTheme, type Theme } from './theme.js';

interface LineListProps {
  readonly lines: readonly Line[];
  /** Rows the list occupies (it always takes exactly this many, so what is below it does not jump). */
  readonly height: number;
  /** Index of the selected line; when undefined the list only scrolls and `top` is its first line. */
  readonly selected?: number;
  readonly top?: number;
  readonly emptyText?: string;
}

/** A windowed list of lines: only `height` rows are drawn, keeping the selection in view. */
export function LineList({ lines, height, selected, top = 0, emptyText }: LineListProps) {
  const theme = useTheme();
  const start = selected === undefined ? Math.max(0, Math.min(top, lines.length - height)) : windowStart(lines.length, selected, height);
  const visible = lines.slice(start, start + height);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.length === 0 && emptyText ? <Text>{emptyText}</Text> : null}
      {visible.map((entry, i) => {
        const index = start + i;
        const isSelected = index === selected;
        const marker = selected === undefined ? '' : isSelected ? '› ' : '  ';
        return (
          <Text key={index} wrap="truncate-end" inverse={isSelected && theme.color} {...toneProps(theme, entry.tone)}>
            {marker}
            {entry.text === '' ? ' ' : entry.text}
          </Text>
        );
      })}
    </Box>
  );
}

/** Text props for a tone under the theme (nothing at all without colour). */
export function toneProps(theme: Theme, tone: Tone | undefined): { color?: string; bold?: boolean; dimColor?: boolean } {
  if (!theme.color || tone === undefined) return {};
  switch (tone) {
    case 'error':
    case 'warning':
    case 'info':
      return { color: theme.severity[tone] };
    case 'accent':
      return { color: theme.accent };
    case 'good':
      return { color: theme.good };
    case 'muted':
      return { dimColor: true };
    case 'heading':
      return { bold: true };
  }
}
