/**
 * A screen line as data: text plus a tone the theme turns into a colour.
 * Tabs are built as arrays of lines by pure functions, and one component
 * (LineList) windows and paints them.
 */
import { escapeTerminal } from '../../text/index.js';

export type Tone = 'error' | 'warning' | 'info' | 'accent' | 'good' | 'muted' | 'heading';

export interface Line {
  readonly text: string;
  readonly tone?: Tone;
  /** The file this line stands for: Enter opens its details. */
  readonly path?: string;
  /** The directory this line stands for (Directories tab). */
  readonly dir?: string;
}

/** A line of the screen; control and bidi characters in it (a hostile file name) are shown as escapes. */
export function line(text: string, tone?: Tone, extra?: Pick<Line, 'path' | 'dir'>): Line {
  return { text: escapeTerminal(text), ...(tone ? { tone } : {}), ...extra };
}

/** First visible row so that `selected` stays in a window of `height` rows (selection kept near the middle). */
export function windowStart(count: number, selected: number, height: number): number {
  if (count <= height) return 0;
  const centered = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, centered));
}
