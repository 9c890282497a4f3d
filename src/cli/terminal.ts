import type { CliIO } from '../io.js';

/**
 * Whether to colour, in the order chalk and ESLint decide it: the flag
 * (--color / --no-color) wins; then FORCE_COLOR (`0` or `false` off, any
 * other value — `1`, `2`, `3`, `true`, empty — on), which Node also lets win
 * over NO_COLOR; then NO_COLOR (https://no-color.org, any non-empty value);
 * then whether stdout is a terminal.
 */
export function useColor(io: CliIO, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return io.stdout.isTTY === true;
}
