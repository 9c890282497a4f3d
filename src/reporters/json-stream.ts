/**
 * `JSON.stringify(value, null, 2)` in pieces, so a large report is never one
 * string: on a 100,000-file scan the graph alone is ~70 MB of JSON and the
 * file entries ~400 MB. Objects are written key by key; long arrays, and
 * `LazyItems` (items made as they are written), item by item; everything
 * else whole. The pieces concatenate to exactly what JSON.stringify gives for
 * the plain data a report is made of (no toJSON, no cycles).
 */

/** An array whose items are built only as they are written, then let go. */
export class LazyItems<T> {
  constructor(
    readonly length: number,
    readonly item: (index: number) => T,
  ) {}
}

/** Arrays longer than this are written item by item. */
const SPLIT_ITEMS = 256;
/** Pieces are gathered up to about this many characters. */
const PIECE_CHARS = 64 * 1024;

const indent = (depth: number) => `\n${'  '.repeat(depth)}`;

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function isSplit(value: unknown): value is LazyItems<unknown> | readonly unknown[] {
  return value instanceof LazyItems || (Array.isArray(value) && value.length > SPLIT_ITEMS);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LazyItems) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON.stringify(value, null, 2) placed at `depth` (its inner lines indented to match). */
function whole(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll('\n', indent(depth));
}

/** The pieces of `JSON.stringify(value, null, 2)`; `value` must not be undefined. */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  if (isSplit(value)) {
    yield* arrayChunks(value, depth);
  } else if (isPlainObject(value)) {
    yield* objectChunks(value, depth);
  } else {
    yield whole(value, depth);
  }
}

function* objectChunks(value: Record<string, unknown>, depth: number): Generator<string> {
  let opened = false;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (omitted(child)) continue;
    yield `${opened ? ',' : '{'}${indent(depth + 1)}${JSON.stringify(key)}: `;
    opened = true;
    yield* jsonChunks(child, depth + 1);
  }
  yield opened ? `${indent(depth)}}` : '{}';
}

function* arrayChunks(value: LazyItems<unknown> | readonly unknown[], depth: number): Generator<string> {
  const length = value.length;
  if (length === 0) {
    yield '[]';
    return;
  }
  const at = (index: number) => (value instanceof LazyItems ? value.item(index) : value[index]);
  let piece = '[';
  for (let index = 0; index < length; index++) {
    const item = at(index);
    piece += `${index > 0 ? ',' : ''}${indent(depth + 1)}`;
    if (isSplit(item) || (isPlainObject(item) && isLarge(item))) {
      yield piece;
      piece = '';
      yield* jsonChunks(item, depth + 1);
    } else {
      piece += omitted(item) ? 'null' : whole(item, depth + 1);
    }
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${indent(depth)}]`;
}

/** An item holding a split array somewhere in its own keys is written piecewise too. */
function isLarge(value: Record<string, unknown>): boolean {
  return Object.values(value).some((child) => isSplit(child));
}
