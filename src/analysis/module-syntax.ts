/** Syntax questions the module collector (modules.ts) asks: export modifiers, binding names, what a dynamic import uses. */
import { ts } from './typescript-api.cjs';

const SK = ts.SyntaxKind;

/** Whether a declaration carries the `export` modifier. */
export function hasExport(node: ts.Node): boolean {
  const modifiers = (node as ts.HasModifiers).modifiers;
  return modifiers !== undefined && modifiers.some((m) => m.kind === SK.ExportKeyword);
}

/** The text of an import/export name (identifier or string literal). */
export function moduleExportName(name: ts.ModuleExportName): string {
  return name.text;
}

/** Every identifier a binding introduces: `a`, `{ b, c: [d] }` → a, b, d. */
export function bindingNames(name: ts.BindingName): string[] {
  const result: string[] = [];
  const stack: ts.BindingName[] = [name];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.kind === SK.Identifier) {
      result.push(current.text);
      continue;
    }
    for (const element of current.elements) {
      if (element.kind !== SK.OmittedExpression) stack.push(element.name);
    }
  }
  return result.reverse();
}

/**
 * Names a dynamic import / require uses: [] as a bare statement (side effect),
 * the destructured properties of `const { a, b } = require('x')` (also with
 * `await import()`), else `*` (the whole module may be used).
 */
export function usedNames(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  let parent = node.parent;
  while (parent.kind === SK.ParenthesizedExpression || parent.kind === SK.AwaitExpression) {
    node = parent;
    parent = parent.parent;
  }
  if (parent.kind === SK.ExpressionStatement) return [];
  if (parent.kind === SK.VariableDeclaration && (parent as ts.VariableDeclaration).name.kind === SK.ObjectBindingPattern) {
    const pattern = (parent as ts.VariableDeclaration).name as ts.ObjectBindingPattern;
    const names: string[] = [];
    for (const element of pattern.elements) {
      if (element.dotDotDotToken !== undefined) return ['*'];
      const key = element.propertyName ?? element.name;
      if (key.kind === SK.Identifier || key.kind === SK.StringLiteral) names.push(key.text);
      else return ['*'];
    }
    return names;
  }
  return ['*'];
}
