/**
 * Top-level declarations: functions (declaration, async, arrow), classes
 * (fields, constructor, accessors, methods, static members, a static block),
 * constants and handler objects. Each returns the line its `export` (if
 * any) starts on, for the unused-export ground truth.
 */
import { ann, type BodyContext } from './body-context.js';
import { body } from './statements.js';
import { COMMENTS, VERBS } from './vocabulary.js';

/** How big a declaration should be, in statements per function body. */
type Size = number;

function exportPrefix(exported: boolean, isDefault = false): string {
  return exported ? (isDefault ? 'export default ' : 'export ') : '';
}

/** The common parameter list; records its default values as decisions. */
function params(ctx: BodyContext): string {
  const itemList = ctx.ts ? `items${ann(ctx, `${ctx.rnd.chance(0.3) ? 'readonly ' : ''}${ctx.itemType}[]`)}` : 'items';
  const shape = ctx.rnd.int(0, 3);
  if (shape === 0) return `${itemList}, options${ann(ctx, ctx.optionsType)}`;
  ctx.w.decision();
  const withDefault = `${itemList}, options${ann(ctx, ctx.optionsType)} = {}`;
  if (shape !== 3) return withDefault;
  ctx.w.decision();
  return `${withDefault}, retries = ${ctx.rnd.int(1, 5)}`;
}

function jsDoc(ctx: BodyContext, first: string): void {
  const sentences = [first];
  if (ctx.rnd.chance(0.4)) sentences.push(ctx.rnd.pick(COMMENTS));
  if (ctx.rnd.chance(0.3)) sentences.push('@param items the entries to process');
  ctx.w.jsDoc(sentences);
}

/** A function declaration, async function, or const arrow; returns the header line. */
export function emitFunction(ctx: BodyContext, name: string, exported: boolean, statements: Size): number {
  if (ctx.rnd.chance(0.7)) jsDoc(ctx, `${name.charAt(0).toUpperCase()}${name.slice(1).replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}.`);
  const line = ctx.w.nextLine;
  const style = ctx.rnd.weighted<'declaration' | 'async' | 'arrow'>([['declaration', 0.6], ['async', 0.15], ['arrow', 0.25]]);
  // ESLint names a declaration by its id; a const arrow has no name of its own.
  ctx.w.beginFunction(style === 'arrow' ? '<anonymous>' : name, style === 'arrow' ? 'arrow' : 'function');
  const list = params(ctx);
  const returns = style === 'async' ? ann(ctx, 'Promise<number>') : ann(ctx, 'number');
  if (style === 'arrow') ctx.w.openBlock(`${exportPrefix(exported)}const ${name} = (${list})${returns} => {`);
  else ctx.w.openBlock(`${exportPrefix(exported)}${style === 'async' ? 'async ' : ''}function ${name}(${list})${returns} {`);
  if (style === 'async') ctx.w.line('await Promise.resolve();');
  body(ctx, statements, true);
  ctx.w.closeBlock(style === 'arrow' ? '};' : '}');
  ctx.w.endFunction();
  return line;
}

function method(ctx: BodyContext, header: string, name: string, kind: 'method' | 'getter' | 'setter', emit: () => void): void {
  ctx.w.beginFunction(name, kind);
  ctx.w.openBlock(header);
  emit();
  ctx.w.closeBlock();
  ctx.w.endFunction();
}

/** A class with fields, a constructor, accessors, methods and static members; returns the header line. */
export function emitClass(ctx: BodyContext, name: string, exported: boolean, statements: Size): number {
  const { w, rnd, ts } = ctx;
  jsDoc(ctx, `Keeps ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).trim()} state in memory.`);
  const line = w.nextLine;
  w.openBlock(`${exportPrefix(exported)}class ${name} {`);
  // Each field initializer is a function of its own for ESLint (class-field-initializer).
  const field = (text: string, decisions = 0) => {
    w.beginFunction('<class field initializer>', 'class-field-initializer');
    w.decision(decisions);
    w.line(text);
    w.endFunction();
  };
  field(ts ? `private readonly entries = new Map<string, ${ctx.itemType}>();` : 'entries = new Map();');
  field(ts ? 'private count = 0;' : 'count = 0;');
  if (ts) w.line('private label: string;');
  const hasStatic = rnd.chance(0.4);
  if (hasStatic) field('static instances = 0;');
  if (rnd.chance(0.3)) field(`static fallback = globalThis.process?.env.NODE_ENV ?? 'production';`, 2);
  if (rnd.chance(0.35)) {
    // An arrow-valued field: the initializer (complexity 1) and the arrow ('method' for ESLint) share a line.
    w.beginFunction('<class field initializer>', 'class-field-initializer');
    w.endFunction();
    w.beginFunction('handle', 'method');
    w.openBlock(`handle = (items${ann(ctx, `${ctx.itemType}[]`)}, options${ann(ctx, ctx.optionsType)})${ann(ctx, 'number')} => {`);
    body(ctx, Math.max(1, Math.round(statements / 3)), true);
    w.closeBlock('};');
    w.endFunction();
  }
  w.blankLine();
  w.beginFunction('constructor', 'constructor');
  w.decision(2); // the default value and the ?: below
  w.openBlock(`constructor(label${ann(ctx, 'string')}, limit = ${rnd.int(10, 100)}) {`);
  w.line('this.label = label;');
  w.line('this.count = limit > 0 ? limit : 0;');
  if (hasStatic) w.line(`${name}.instances += 1;`);
  w.closeBlock();
  w.endFunction();
  w.blankLine();
  method(ctx, `get size()${ann(ctx, 'number')} {`, 'size', 'getter', () => w.line('return this.entries.size + this.count;'));
  w.blankLine();
  method(ctx, `set size(value${ann(ctx, 'number')}) {`, 'size', 'setter', () => {
    w.decision();
    w.line('this.count = value ?? 0;');
  });
  const methods = rnd.int(1, 3);
  const verbs = [...VERBS];
  for (let m = 0; m < methods; m++) {
    w.blankLine();
    const verb = verbs.splice(rnd.int(0, verbs.length - 1), 1)[0];
    const isAsync = rnd.chance(0.2);
    w.beginFunction(verb, 'method');
    const list = params(ctx);
    w.openBlock(`${isAsync ? 'async ' : ''}${verb}(${list})${ann(ctx, isAsync ? 'Promise<number>' : 'number')} {`);
    if (isAsync) w.line('await Promise.resolve();');
    body(ctx, Math.max(1, Math.round(statements / methods)), true);
    w.closeBlock();
    w.endFunction();
  }
  w.blankLine();
  method(ctx, `static create(label${ann(ctx, 'string')})${ann(ctx, name)} {`, 'create', 'method', () => w.line(`return new ${name}(label);`));
  if (hasStatic && rnd.chance(0.5)) {
    w.blankLine();
    w.beginFunction('<class static block>', 'class-static-block');
    w.decision();
    w.openBlock('static {');
    w.line(`${name}.instances ||= 0;`);
    w.closeBlock();
    w.endFunction();
  }
  w.closeBlock();
  return line;
}

/** An exported constant (no function inside); returns its line. */
export function emitConst(ctx: BodyContext, name: string, exported: boolean): number {
  if (ctx.rnd.chance(0.5)) ctx.w.jsDoc([ctx.rnd.pick(COMMENTS)]);
  const line = ctx.w.nextLine;
  ctx.w.line(`${exportPrefix(exported)}const ${name} = ${ctx.rnd.int(1, 5000)};`);
  return line;
}

/** A local object of handlers: a method and a one-line arrow property. */
export function emitHandlers(ctx: BodyContext, statements: Size): void {
  const { w } = ctx;
  w.openBlock(`const ${ctx.fresh('handlers')} = {`);
  w.beginFunction('onStart', 'method');
  w.openBlock(`onStart(items${ann(ctx, `${ctx.itemType}[]`)}, options${ann(ctx, ctx.optionsType)})${ann(ctx, 'number')} {`);
  body(ctx, statements, true);
  w.closeBlock('},');
  w.endFunction();
  // ESLint names an arrow property value as a method of the object.
  w.inlineFunction('onStop', 'method', 1);
  w.line(`onStop: (reason${ann(ctx, 'string')}) => reason || 'done',`);
  w.closeBlock('};');
}
