/** Writes one planned file: header, imports, types, the planned exports, then local code up to the target size. */
import { posix } from 'node:path';
import { createFreshNames, type BodyContext } from './body-context.js';
import { emitClass, emitConst, emitFunction, emitHandlers } from './declarations.js';
import { emitComponent } from './components.js';
import type { PlannedExport, PlannedFile, ProjectPlan } from './plan.js';
import { Random } from './random.js';
import { SourceWriter, type ExpectedFunction } from './source-writer.js';
import { COMMENTS, NOUNS, VERBS, pascal } from './vocabulary.js';

/** The text of one file and what the generator knows about it. */
interface EmittedFile {
  readonly text: string;
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
  readonly functions: readonly ExpectedFunction[];
  /** Line of each export's declaration. */
  readonly exportLines: ReadonlyMap<PlannedExport, number>;
}

/** `./x.js`-style specifier from one planned file to another (TS NodeNext convention: always `.js`). */
function specifier(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to).replace(/\.(tsx?|js)$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function useOf(exp: PlannedExport, localName: string): string {
  switch (exp.kind) {
    case 'function':
      return `${localName}(items, options)`;
    case 'class':
      return `new ${localName}('${localName.toLowerCase()}').size`;
    case 'component':
      return `${localName}({ items: [] })`;
    default:
      return localName;
  }
}

function emitImports(ctx: BodyContext, plan: ProjectPlan, file: PlannedFile): string[] {
  const typeNames: string[] = [];
  const targets = [...file.imports.keys()].sort((a, b) => a - b);
  for (const t of targets) {
    const target = plan.files[t];
    const spec = specifier(file.path, target.path);
    const exps = file.imports.get(t) ?? [];
    const def = exps.find((e) => e.isDefault);
    const named = exps.filter((e) => !e.isDefault && e.kind !== 'type').map((e) => e.name);
    const types = exps.filter((e) => e.kind === 'type').map((e) => e.name);
    for (const e of exps) if (e.kind !== 'type') ctx.uses.push(useOf(e, e.name));
    typeNames.push(...types);
    if (def !== undefined || named.length > 0) {
      const head = def !== undefined ? `${def.name}${named.length > 0 ? ', ' : ''}` : '';
      if (named.length > 3) {
        ctx.w.openBlock(`import ${head}{`);
        for (const n of named) ctx.w.line(`${n},`);
        ctx.w.closeBlock(`} from '${spec}';`);
      } else {
        ctx.w.line(`import ${head}${named.length > 0 ? `{ ${named.join(', ')} }` : ''} from '${spec}';`);
      }
    }
    if (types.length > 0) ctx.w.line(`import type { ${types.join(', ')} } from '${spec}';`);
  }
  return typeNames;
}

function emitTypes(ctx: BodyContext, file: PlannedFile, typeNames: readonly string[], exportLines: Map<PlannedExport, number>): void {
  const { w } = ctx;
  const itemExport = file.exports.find((e) => e.kind === 'type');
  if (itemExport !== undefined) exportLines.set(itemExport, w.nextLine);
  w.openBlock(`${itemExport !== undefined ? 'export ' : ''}interface ${ctx.itemType} {`);
  for (const field of ['id: string;', 'name: string;', 'value: number;', 'active: boolean;', 'tags?: string[];', `parent?: ${ctx.itemType};`]) w.line(field);
  w.closeBlock();
  w.blankLine();
  w.openBlock(`interface ${ctx.optionsType} {`);
  for (const field of ['limit?: number;', 'label?: string;', 'strict?: boolean;', "mode?: 'fast' | 'safe' | 'batch' | 'stream';", `parent?: ${ctx.itemType};`, 'onChange?: (total: number) => void;', 'onError?: (error: unknown) => void;']) {
    w.line(field);
  }
  w.closeBlock();
  w.blankLine();
  if (typeNames.length > 0) {
    w.line(`type Related${ctx.itemType} = ${typeNames.join(' | ')};`);
    w.blankLine();
  }
}

/** Emit the file's text and its ground truth. `seed` is the project seed; each file draws from its own stream. */
export function emitFile(plan: ProjectPlan, file: PlannedFile, seed: number): EmittedFile {
  const rnd = new Random((Math.imul(seed, 0x9e3779b1) ^ Math.imul(file.index + 1, 0x85ebca6b)) >>> 0);
  const w = new SourceWriter();
  const ts = file.language !== 'js';
  const P = pascal(file.words);
  const ctx: BodyContext = { w, rnd, ts, itemType: `${P}Item`, optionsType: `${P}Options`, uses: [], fresh: createFreshNames() };
  const exportLines = new Map<PlannedExport, number>();
  w.jsDoc([`${P}: ${rnd.pick(COMMENTS)}`]);
  if (file.language === 'tsx') w.line("import { useState } from 'react';");
  else if (rnd.chance(0.3)) {
    w.line("import { join } from 'node:path';");
    ctx.uses.push("join('a', 'b').length");
  }
  const typeNames = emitImports(ctx, plan, file);
  w.blankLine();
  if (ts) emitTypes(ctx, file, typeNames, exportLines);
  const values = file.exports.filter((e) => e.kind !== 'type');
  const statementsFor = () => Math.max(1, Math.min(12, Math.round(file.targetLines / (values.length + 1) / 5) + rnd.int(-1, 2)));
  for (const exp of values) {
    let line: number;
    if (exp.kind === 'component') line = emitComponent(ctx, exp.name, true, exp.isDefault, statementsFor());
    else if (exp.kind === 'class') line = emitClass(ctx, exp.name, true, statementsFor());
    else if (exp.kind === 'const') line = emitConst(ctx, exp.name, true);
    else line = emitFunction(ctx, exp.name, true, statementsFor());
    exportLines.set(exp, line);
    w.blankLine();
  }
  // Local code until the file reaches its drawn size.
  while (w.lineCount < file.targetLines) {
    const kind = rnd.weighted<'function' | 'class' | 'handlers'>([['function', 0.8], ['class', 0.08], ['handlers', 0.12]]);
    const statements = Math.max(1, Math.min(10, Math.round((file.targetLines - w.lineCount) / 5)));
    if (kind === 'class') emitClass(ctx, ctx.fresh(`${P}Helper`), false, statements);
    else if (kind === 'handlers') emitHandlers(ctx, statements);
    else {
      const name = ctx.fresh(`${rnd.pick(VERBS)}${pascal([rnd.pick(NOUNS)])}s`);
      emitFunction(ctx, name, false, statements);
      ctx.uses.push(`${name}(items, options)`);
    }
    w.blankLine();
  }
  const { text, functions } = w.finish();
  return { text, lines: w.lineCount, code: w.code, comment: w.comment, blank: w.blank, functions, exportLines };
}
