/**
 * Orders strings by UTF-16 code units. Every sort whose order reaches a
 * report or the cache uses this, never `localeCompare`: the order must not
 * depend on the machine's locale or ICU data.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
