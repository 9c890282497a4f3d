/**
 * Statement blocks of every branch kind ESLint's `complexity` counts: if /
 * else-if / else, for, for-in, for-of, while, do-while, switch with cases and
 * default, try/catch, nested functions and block callbacks. Each emitter
 * records its decisions on the writer as it writes.
 */
import { ann, type BodyContext } from './body-context.js';
import { condition, simpleStatement } from './expressions.js';

const MAX_DEPTH = 3;

type Block = (ctx: BodyContext, depth: number) => void;

function inner(ctx: BodyContext, depth: number, max = 3): void {
  const count = ctx.rnd.int(1, max);
  for (let i = 0; i < count; i++) statement(ctx, depth + 1);
}

const ifBlock: Block = (ctx, depth) => {
  const c = condition(ctx);
  ctx.w.decision(1 + c.decisions);
  ctx.w.openBlock(`if (${c.text}) {`);
  inner(ctx, depth);
  const tail = ctx.rnd.int(0, 2);
  if (tail >= 1) {
    const c2 = condition(ctx);
    ctx.w.decision(1 + c2.decisions);
    ctx.w.closeBlock(`} else if (${c2.text}) {`);
    ctx.w.indent();
    inner(ctx, depth, 2);
  }
  if (tail !== 1) {
    ctx.w.closeBlock('} else {');
    ctx.w.indent();
    inner(ctx, depth, 2);
  }
  ctx.w.closeBlock();
};

const forIndex: Block = (ctx, depth) => {
  const i = ctx.fresh('i');
  ctx.w.decision();
  ctx.w.openBlock(`for (let ${i} = 0; ${i} < items.length; ${i}++) {`);
  ctx.w.line(`total += items[${i}].value;`);
  inner(ctx, depth, 2);
  ctx.w.closeBlock();
};

const forIn: Block = (ctx, depth) => {
  const key = ctx.fresh('key');
  ctx.w.decision();
  ctx.w.openBlock(`for (const ${key} in options) {`);
  ctx.w.line(`total += ${key}.length;`);
  if (depth < MAX_DEPTH && ctx.rnd.chance(0.5)) inner(ctx, depth, 1);
  ctx.w.closeBlock();
};

const forOf: Block = (ctx, depth) => {
  const item = ctx.fresh('item');
  ctx.w.decision();
  ctx.w.openBlock(`for (const ${item} of items) {`);
  const outer = ctx.item;
  ctx.item = item;
  inner(ctx, depth);
  ctx.item = outer;
  ctx.w.closeBlock();
};

const whileBlock: Block = (ctx, depth) => {
  ctx.w.decision(2);
  ctx.w.openBlock(`while (total < ${ctx.rnd.int(10, 1000)} && items.length > 0) {`);
  ctx.w.line('total += 1;');
  if (ctx.rnd.chance(0.5)) inner(ctx, depth, 1);
  ctx.w.closeBlock();
};

const doWhile: Block = (ctx, depth) => {
  ctx.w.decision();
  ctx.w.openBlock('do {');
  ctx.w.line('total += 2;');
  if (ctx.rnd.chance(0.5)) inner(ctx, depth, 1);
  ctx.w.closeBlock(`} while (total < ${ctx.rnd.int(10, 1000)});`);
};

const MODES = ['fast', 'safe', 'batch', 'stream', 'legacy', 'draft'];

const switchBlock: Block = (ctx, depth) => {
  const cases = ctx.rnd.int(2, 4);
  ctx.w.decision(cases); // each `case x:` counts; `default:` does not
  ctx.w.openBlock('switch (options.mode) {');
  for (let c = 0; c < cases; c++) {
    ctx.w.openBlock(`case '${MODES[c]}':`);
    if (ctx.rnd.chance(0.5)) statement(ctx, depth + 1);
    else ctx.w.line(`total += ${c + 1};`);
    ctx.w.line('break;');
    ctx.w.dedent();
  }
  if (ctx.rnd.chance(0.7)) {
    ctx.w.openBlock('default:');
    ctx.w.line('total = 0;');
    ctx.w.dedent();
  }
  ctx.w.closeBlock();
};

const tryCatch: Block = (ctx, depth) => {
  ctx.w.openBlock('try {');
  inner(ctx, depth, 2);
  ctx.w.decision(2); // the catch clause and the ?. call in it
  ctx.w.closeBlock('} catch (error) {');
  ctx.w.indent();
  ctx.w.line('options.onError?.(error);');
  if (ctx.rnd.chance(0.3)) {
    ctx.w.closeBlock('} finally {');
    ctx.w.indent();
    ctx.w.line('total += 1;');
  }
  ctx.w.closeBlock();
};

const nestedFunction: Block = (ctx, depth) => {
  const name = ctx.fresh('helper');
  ctx.w.beginFunction(name, 'function');
  const withDefault = ctx.rnd.chance(0.4);
  if (withDefault) ctx.w.decision();
  ctx.w.openBlock(`function ${name}(value${ann(ctx, 'number')}${withDefault ? ' = 1' : ''})${ann(ctx, 'number')} {`);
  ctx.w.line('let total = value;');
  const outer = ctx.item;
  ctx.item = undefined;
  inner(ctx, depth, 2);
  ctx.item = outer;
  ctx.w.line('return total;');
  ctx.w.closeBlock();
  ctx.w.endFunction();
  ctx.w.line(`total += ${name}(total);`);
};

const blockCallback: Block = (ctx, depth) => {
  const item = ctx.fresh('entry');
  ctx.w.beginFunction('<anonymous>', 'arrow');
  ctx.w.openBlock(`items.forEach((${item}) => {`);
  const outer = ctx.item;
  ctx.item = item;
  inner(ctx, depth, 2);
  ctx.item = outer;
  ctx.w.closeBlock('});');
  ctx.w.endFunction();
};

const BLOCKS: readonly (readonly [Block, number])[] = [
  [ifBlock, 6],
  [forIndex, 1],
  [forIn, 1],
  [forOf, 3],
  [whileBlock, 1],
  [doWhile, 0.7],
  [switchBlock, 1.2],
  [tryCatch, 1.2],
  [nestedFunction, 1],
  [blockCallback, 1.2],
];

/** Emit one statement: a block while nesting allows, otherwise a one-liner. */
function statement(ctx: BodyContext, depth: number): void {
  if (depth < MAX_DEPTH && ctx.rnd.chance(depth === 0 ? 0.45 : 0.25)) ctx.rnd.weighted(BLOCKS)(ctx, depth);
  else simpleStatement(ctx);
}

/** A function body's statements (without the braces), ending in a return when asked. */
export function body(ctx: BodyContext, statements: number, returns: boolean): void {
  ctx.w.line('let total = 0;');
  for (let i = 0; i < statements; i++) statement(ctx, 0);
  if (!returns) return;
  if (ctx.rnd.chance(0.3)) {
    ctx.w.decision();
    ctx.w.line(`return total > 0 ? total : ${ctx.rnd.int(0, 9)};`);
  } else {
    ctx.w.line('return total;');
  }
}
