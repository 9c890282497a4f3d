/**
 * Plain ANSI styling for the text reporters and the bench output. No
 * dependency: a handful of SGR codes is all a report needs, and
 * `color: false` (NO_COLOR, a pipe) must give exactly the unstyled text.
 */
/** Functions that wrap text in one style each; identity when colour is off. */
export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly green: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string) => text;

export function styles(color: boolean): Styles {
  if (!color) {
    return { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
  };
}

