/** React function components for .tsx files: destructured props with defaults, JSX with &&, ?:, ?? and callbacks. */
import type { BodyContext } from './body-context.js';
import { body } from './statements.js';

/** Emit the props interface and the component; returns the component's header line. */
export function emitComponent(ctx: BodyContext, name: string, exported: boolean, isDefault: boolean, statements: number): number {
  const { w, rnd } = ctx;
  w.openBlock(`interface ${name}Props {`);
  w.line(`items: ${ctx.itemType}[];`);
  w.line('title?: string;');
  w.line('compact?: boolean;');
  w.line('onSelect?: (id: string) => void;');
  w.closeBlock();
  w.blankLine();
  w.jsDoc([`Renders the ${name.replace(/View$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).trim()} list.`]);
  const line = w.nextLine;
  const prefix = exported ? (isDefault ? 'export default ' : 'export ') : '';
  w.beginFunction(name, 'function');
  w.decision(2); // the two destructuring defaults
  w.openBlock(`${prefix}function ${name}({ items, title = 'Untitled', compact = false, onSelect }: ${name}Props) {`);
  const open = ctx.fresh('open');
  const setter = `set${open.charAt(0).toUpperCase()}${open.slice(1)}`;
  w.line(`const [${open}, ${setter}] = useState(false);`);
  w.line(`const options: ${ctx.optionsType} = { strict: compact };`);
  const visible = ctx.fresh('visible');
  w.inlineFunction('<anonymous>', 'arrow', 0);
  w.line(`const ${visible} = items.filter((entry) => entry.active);`);
  body(ctx, statements, false);
  w.decision();
  w.openBlock(`if (${visible}.length === 0) {`);
  w.line('return <p className="empty">{title}</p>;');
  w.closeBlock();
  w.openBlock('return (');
  w.decision();
  w.openBlock(`<section className={compact ? 'compact' : 'full'}>`);
  w.inlineFunction('<anonymous>', 'arrow', 0);
  w.line(`<h2 onClick={() => ${setter}(!${open})}>{title}</h2>`);
  w.decision(2);
  w.line(`{${open} && ${visible}.length > ${rnd.int(2, 20)} && <span className="badge">{total}</span>}`);
  w.openBlock('<ul>');
  w.beginFunction('<anonymous>', 'arrow');
  w.openBlock(`{${visible}.map((entry) => (`);
  w.inlineFunction('<anonymous>', 'arrow', 1);
  w.openBlock('<li key={entry.id} onClick={() => onSelect?.(entry.id)}>');
  w.decision();
  w.line("{entry.name ?? 'unnamed'}");
  w.closeBlock('</li>');
  w.closeBlock('))}');
  w.endFunction();
  w.closeBlock('</ul>');
  w.closeBlock('</section>');
  w.closeBlock(');');
  w.closeBlock();
  w.endFunction();
  return line;
}
