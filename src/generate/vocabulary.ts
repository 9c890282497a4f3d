/** Words the generator builds identifiers, paths and comments from. */

export const NOUNS = [
  'order', 'user', 'account', 'invoice', 'session', 'token', 'report', 'metric', 'event', 'record', 'payload',
  'config', 'cache', 'queue', 'price', 'cart', 'product', 'review', 'message', 'channel', 'ticket', 'asset',
  'upload', 'schedule', 'tenant', 'policy', 'role', 'audit', 'ledger', 'payment', 'shipment', 'address',
  'profile', 'widget', 'layout', 'theme', 'route', 'query', 'filter', 'batch',
] as const;

export const SUFFIXES = [
  'service', 'store', 'parser', 'mapper', 'utils', 'client', 'handler', 'model', 'validator', 'formatter',
  'registry', 'loader', 'builder', 'resolver', 'helpers', 'cache', 'adapter', 'state', 'view', 'policy',
] as const;

export const AREAS = ['core', 'features', 'services', 'shared', 'api', 'models', 'store', 'lib', 'ui', 'utils'] as const;

export const VERBS = [
  'load', 'parse', 'validate', 'compute', 'format', 'merge', 'resolve', 'build', 'update', 'sync', 'fetch',
  'normalize', 'collect', 'filter', 'apply', 'prepare', 'index', 'score', 'group', 'render',
] as const;

export const COMMENTS = [
  'Keep the order stable so callers can diff the output.',
  'The limit protects the UI from very large batches.',
  'Missing values fall back to the defaults from the options.',
  'Retries are cheap here; the upstream call is idempotent.',
  'Inactive entries are skipped, not removed, to keep indexes valid.',
  'This mirrors the server-side rules; keep them in sync.',
  'Counting first avoids a second pass over the items.',
  'Callers may pass a partial options object.',
  'Empty labels are treated as missing.',
  'The cache is rebuilt lazily on the next read.',
] as const;

export const TODOS = [
  'TODO: move this check into the validator.',
  'FIXME: the limit should come from the config.',
  'TODO: measure whether the cache pays off here.',
] as const;

export function pascal(words: readonly string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function camel(words: readonly string[]): string {
  const p = pascal(words);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

export function constant(words: readonly string[]): string {
  return words.map((w) => w.toUpperCase()).join('_');
}
