/**
 * Row budget of the done screen. The frame is one row shorter than the
 * terminal: a frame as tall as the terminal makes Ink clear the whole screen
 * on every update (flicker) and scrolls the first row away.
 */
const CHROME_ROWS = 4; // header, tabs, column header, footer

/** Rows left for the body of the done screen at terminal height `rows`. */
export function bodyHeight(rows: number): number {
  return Math.max(3, rows - 1 - CHROME_ROWS);
}
