import type { CliIO } from '../io.js';

/** Colour when stdout is a terminal and NO_COLOR (https://no-color.org) is unset or empty. */
export function useColor(io: CliIO): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return io.stdout.isTTY === true;
}
