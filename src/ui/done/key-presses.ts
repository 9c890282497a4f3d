import type { KeyFlags } from './navigation.js';

/** One key as the navigation reducer sees it. */
interface KeyPress {
  readonly input: string;
  readonly key: KeyFlags;
}

/**
 * Splits what Ink delivers as one input into single key presses. Ink keeps a
 * run of plain characters together (a paste, or keys typed faster than it
 * reads them, e.g. `tmux send-keys 4 j Enter`), so "4j\r" must become
 * 4, j, Enter for the key bindings to work.
 */
export function splitKeys(input: string, key: KeyFlags): KeyPress[] {
  if ([...input].length <= 1) return [{ input, key }];
  return [...input].map((ch): KeyPress => {
    if (ch === '\r' || ch === '\n') return { input: '', key: { return: true } };
    if (ch === '\t') return { input: '', key: { tab: true } };
    if (ch === '\u007F' || ch === '\b') return { input: '', key: { backspace: true } };
    return { input: ch, key: {} };
  });
}
