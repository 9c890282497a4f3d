/**
 * Conditions and one-line statements, each with the number of decision
 * points ESLint's `complexity` counts in it (&&, ||, ??, ?:, ?. member or
 * call, logical assignment, default values, one-line callbacks).
 */
import type { BodyContext } from './body-context.js';
import { COMMENTS, TODOS } from './vocabulary.js';

/** A condition's text and decision count. */
interface Condition {
  readonly text: string;
  readonly decisions: number;
}

export function condition(ctx: BodyContext): Condition {
  const n = ctx.rnd.int(1, 50);
  const it = ctx.item;
  const options: Condition[] = [
    { text: `items.length > ${n}`, decisions: 0 },
    { text: 'options.strict', decisions: 0 },
    { text: '!options.label', decisions: 0 },
    { text: `total > ${n} && options.strict`, decisions: 1 },
    { text: 'options.limit === undefined || total < options.limit', decisions: 1 },
    { text: "(options.label ?? '').length > 0", decisions: 1 },
    { text: 'options.parent?.active', decisions: 1 },
    { text: `total >= ${n} && (options.strict || items.length === 0)`, decisions: 2 },
  ];
  if (it !== undefined) {
    options.push({ text: `${it}.active && ${it}.value > ${n}`, decisions: 1 });
    options.push({ text: `${it}.tags?.includes('${ctx.rnd.pick(['new', 'hot', 'sale', 'legacy'])}')`, decisions: 1 });
    options.push({ text: `${it}.value < ${n}`, decisions: 0 });
  }
  return ctx.rnd.pick(options);
}

type Simple = (ctx: BodyContext) => void;

/** One-line statements; each records its own decisions (and callbacks) on the writer. */
const SIMPLE: readonly (readonly [Simple, number])[] = [
  [(ctx) => ctx.w.line(`total += items.length;`), 2],
  [
    (ctx) => {
      ctx.w.decision();
      ctx.w.line(`const ${ctx.fresh('limit')} = options.limit ?? ${ctx.rnd.int(5, 500)};`);
    },
    3,
  ],
  [
    (ctx) => {
      ctx.w.decision();
      ctx.w.line(ctx.rnd.pick(["options.label ??= 'default';", 'options.strict &&= total > 0;', 'total ||= items.length;']));
    },
    2,
  ],
  [
    (ctx) => {
      ctx.w.decision(2);
      ctx.w.line(`const ${ctx.fresh('name')} = options.parent?.name ?? 'none';`);
    },
    2,
  ],
  [
    (ctx) => {
      ctx.w.decision();
      ctx.w.line('options.onChange?.(total);');
    },
    2,
  ],
  [
    (ctx) => {
      ctx.w.decision();
      ctx.w.line(`const ${ctx.fresh('label')} = total > 0 ? 'positive' : 'empty';`);
    },
    2,
  ],
  [
    (ctx) => {
      ctx.w.decision(2);
      ctx.w.line(`const ${ctx.fresh('first')} = items[0]?.name || 'anonymous';`);
    },
    2,
  ],
  [
    (ctx) => {
      const defaults = ctx.rnd.int(1, 2);
      ctx.w.decision(defaults);
      const limit = `limit: ${ctx.fresh('maxItems')} = ${ctx.rnd.int(10, 99)}`;
      ctx.w.line(defaults === 1 ? `const { ${limit} } = options;` : `const { ${limit}, strict: ${ctx.fresh('isStrict')} = false } = options;`);
    },
    1,
  ],
  [
    (ctx) => {
      // A one-line callback is a function of its own: its && is not the caller's.
      ctx.w.inlineFunction('<anonymous>', 'arrow', 1);
      ctx.w.line(`const ${ctx.fresh('active')} = items.filter((entry) => entry.active && entry.value > 0);`);
    },
    2,
  ],
  [
    (ctx) => {
      ctx.w.inlineFunction('<anonymous>', 'arrow', 0);
      ctx.w.inlineFunction('<anonymous>', 'arrow', 1);
      ctx.w.line(`const ${ctx.fresh('ids')} = items.map((entry) => entry.id).filter((id) => id?.length);`);
    },
    1,
  ],
  [
    (ctx) => {
      if (ctx.uses.length === 0) ctx.w.line('total += 1;');
      else ctx.w.line(`total += Number(${ctx.rnd.pick(ctx.uses)});`);
    },
    3,
  ],
  [(ctx) => ctx.w.lineComment(ctx.rnd.pick(COMMENTS)), 1.5],
  [(ctx) => ctx.w.lineComment(ctx.rnd.pick(TODOS)), 0.3],
];

const ITEM_SIMPLE: readonly (readonly [Simple, number])[] = [
  [(ctx) => ctx.w.line(`total += ${ctx.item}.value;`), 3],
  [
    (ctx) => {
      ctx.w.decision(2);
      ctx.w.line(`total += ${ctx.item}.parent?.value || 0;`);
    },
    1,
  ],
  [
    (ctx) => {
      ctx.w.decision();
      ctx.w.line(`${ctx.item}.tags ??= [];`);
    },
    1,
  ],
];

/** Emit one simple statement. */
export function simpleStatement(ctx: BodyContext): void {
  const table = ctx.item !== undefined && ctx.rnd.chance(0.4) ? ITEM_SIMPLE : SIMPLE;
  ctx.rnd.weighted(table)(ctx);
}
