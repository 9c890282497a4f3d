/**
 * Which TypeScript nodes are "functions" the way ESLint's code-path analysis
 * sees them, what ESLint calls them, and where ESLint reports them.
 *
 * ESLint works on ESTree (typescript-estree); sonde walks TypeScript's own
 * AST. The mapping: a function-like node WITH a body is an ESTree
 * FunctionDeclaration / FunctionExpression / ArrowFunctionExpression (bodiless
 * overloads, `declare function` and abstract methods are not: ESTree gives
 * them TS-only node types that start no code path). A class property
 * initializer (not `accessor`) and a static block are implicit functions.
 */
import { ts } from './typescript-api.cjs';

const SK = ts.SyntaxKind;

/** A function-like node that has a body: ESLint starts a "function" code path for it. */
type FunctionWithBody = ts.FunctionLikeDeclaration & { readonly body: ts.Block | ts.Expression };

/** True for a node ESLint treats as a function (it has a body). */
export function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  switch (node.kind) {
    case SK.FunctionDeclaration:
    case SK.MethodDeclaration:
    case SK.Constructor:
    case SK.GetAccessor:
    case SK.SetAccessor:
      return (node as ts.FunctionLikeDeclaration).body !== undefined;
    case SK.FunctionExpression:
    case SK.ArrowFunction:
      return true;
    default:
      return false;
  }
}

/** A class field whose initializer ESLint analyzes as its own implicit function. */
export function isFieldWithInitializer(node: ts.Node): node is ts.PropertyDeclaration & { initializer: ts.Expression } {
  return (
    node.kind === SK.PropertyDeclaration &&
    (node as ts.PropertyDeclaration).initializer !== undefined &&
    !hasModifier(node, SK.AccessorKeyword)
  );
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = (node as ts.HasModifiers).modifiers;
  return modifiers !== undefined && modifiers.some((m) => m.kind === kind);
}

/** Strips ParenthesizedExpression wrappers, which ESTree does not have. */
export function skipParens(node: ts.Node): ts.Node {
  let current = node;
  while (current.kind === SK.ParenthesizedExpression) current = (current as ts.ParenthesizedExpression).expression;
  return current;
}

/** The ESTree parent of a node: the first ancestor that is not a ParenthesizedExpression. */
export function estreeParent(node: ts.Node): ts.Node | undefined {
  let parent = node.parent;
  while (parent !== undefined && parent.kind === SK.ParenthesizedExpression) parent = parent.parent;
  return parent;
}

/**
 * The ESTree node that "owns" a function expression's name and location:
 * a class member or object literal member (ESTree MethodDefinition, Property,
 * PropertyDefinition), or undefined for a free-standing function.
 */
function memberOwner(fn: FunctionWithBody): ts.Node | undefined {
  switch (fn.kind) {
    case SK.MethodDeclaration:
    case SK.Constructor:
    case SK.GetAccessor:
    case SK.SetAccessor:
      return fn; // the TS member is both the ESTree member and its function
    case SK.FunctionExpression:
    case SK.ArrowFunction: {
      const parent = estreeParent(fn);
      if (parent === undefined) return undefined;
      if (parent.kind === SK.PropertyAssignment && skipParens((parent as ts.PropertyAssignment).initializer) === fn) return parent;
      if (parent.kind === SK.PropertyDeclaration && skipParens((parent as ts.PropertyDeclaration).initializer!) === fn) {
        // `accessor x = () => {}` is an ESTree AccessorProperty, not a PropertyDefinition.
        return hasModifier(parent, SK.AccessorKeyword) ? undefined : parent;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Name as ESLint's getFunctionNameWithKind would quote it; `<anonymous>` when it quotes none. */
export function functionName(fn: FunctionWithBody): string {
  if (fn.kind === SK.Constructor) return 'constructor';
  const owner = memberOwner(fn);
  if (owner !== undefined) {
    const key = (owner as ts.ClassElement | ts.ObjectLiteralElement).name;
    if (key !== undefined && key.kind === SK.PrivateIdentifier) return key.text;
    const name = key === undefined ? null : staticPropertyName(key);
    if (name !== null) return name;
  }
  if ((fn.kind === SK.FunctionDeclaration || fn.kind === SK.FunctionExpression) && fn.name !== undefined) {
    return (fn.name as ts.Identifier).text;
  }
  return '<anonymous>';
}

/** ESLint's getStaticPropertyName for a member key; null when the key is dynamic. */
function staticPropertyName(key: ts.PropertyName): string | null {
  switch (key.kind) {
    case SK.Identifier:
      return key.text;
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
      return key.text;
    case SK.NumericLiteral:
      return String(Number(key.text));
    case SK.BigIntLiteral:
      return key.text.slice(0, -1);
    case SK.ComputedPropertyName: {
      const expression = skipParens(key.expression);
      switch (expression.kind) {
        case SK.StringLiteral:
        case SK.NoSubstitutionTemplateLiteral:
          return (expression as ts.LiteralExpression).text;
        case SK.NumericLiteral:
          return String(Number((expression as ts.NumericLiteral).text));
        case SK.NullKeyword:
          return 'null';
        case SK.TrueKeyword:
          return 'true';
        case SK.FalseKeyword:
          return 'false';
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

/**
 * Offset where ESLint reports a function (getFunctionHeadLoc's start): the
 * member's start for methods and property values, the `=>` of other arrows,
 * the `async`/`function` keyword of other functions.
 */
export function functionReportPos(fn: FunctionWithBody, sourceFile: ts.SourceFile): number {
  const owner = memberOwner(fn);
  if (owner !== undefined) return owner.getStart(sourceFile);
  if (fn.kind === SK.ArrowFunction) return fn.equalsGreaterThanToken.getStart(sourceFile);
  // FunctionDeclaration / FunctionExpression: ESTree's node starts after `export`/`default`/`declare`.
  const modifiers = fn.modifiers;
  if (modifiers === undefined || modifiers.length === 0) return fn.getStart(sourceFile);
  const asyncModifier = modifiers.find((m) => m.kind === SK.AsyncKeyword);
  if (asyncModifier !== undefined) return asyncModifier.getStart(sourceFile);
  return tokenStartAfter(sourceFile, modifiers[modifiers.length - 1]!.end);
}

/**
 * Offset where ESLint's `max-lines-per-function` starts counting: the ESTree
 * node it measures. A class or object method, constructor or accessor is
 * measured as its MethodDefinition / Property (decorators, modifiers and key
 * included); every other function as the function node itself — an arrow from
 * its `async`, type parameters or first parameter, a function from `async` or
 * `function` (ESTree leaves `export`/`default`/`declare` to the outer node),
 * even when it is a property value (`m: function () {}`, `x = () => {}`).
 */
export function functionLengthPos(fn: FunctionWithBody, sourceFile: ts.SourceFile): number {
  switch (fn.kind) {
    case SK.MethodDeclaration:
    case SK.Constructor:
    case SK.GetAccessor:
    case SK.SetAccessor:
    case SK.ArrowFunction:
      return fn.getStart(sourceFile);
    default:
      break;
  }
  const modifiers = fn.modifiers;
  if (modifiers === undefined || modifiers.length === 0) return fn.getStart(sourceFile);
  const asyncModifier = modifiers.find((m) => m.kind === SK.AsyncKeyword);
  if (asyncModifier !== undefined) return asyncModifier.getStart(sourceFile);
  return tokenStartAfter(sourceFile, modifiers[modifiers.length - 1]!.end);
}

/**
 * ESLint's isIIFE: a function expression or arrow that is the callee of a call
 * (parentheses do not count: ESTree has none). `(function () {})()`,
 * `(() => {})()`, `(() => {})?.()`; not `new (function () {})()`, not
 * `(function () {}).call(this)`, not `(<any>(() => {}))()`.
 */
export function isIife(fn: FunctionWithBody): boolean {
  if (fn.kind !== SK.FunctionExpression && fn.kind !== SK.ArrowFunction) return false;
  const parent = estreeParent(fn);
  return parent !== undefined && parent.kind === SK.CallExpression && skipParens((parent as ts.CallExpression).expression) === fn;
}

/** Start of the first token at or after `pos` (skipping whitespace and comments). */
function tokenStartAfter(sourceFile: ts.SourceFile, pos: number): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sourceFile.languageVariant, sourceFile.text, undefined, pos);
  scanner.scan();
  return scanner.getTokenStart();
}

/** Where ESLint reports a class field initializer: its value, without parentheses. */
export function fieldInitializerReportPos(field: ts.PropertyDeclaration & { initializer: ts.Expression }, sourceFile: ts.SourceFile): number {
  return skipParens(field.initializer).getStart(sourceFile);
}

/** ESLint max-params: parameters, not counting a leading `this: void`. */
export function parameterCount(fn: FunctionWithBody): number {
  const params = fn.parameters;
  const first = params[0];
  if (
    first !== undefined &&
    first.name.kind === SK.Identifier &&
    first.name.text === 'this' &&
    first.type !== undefined &&
    first.type.kind === SK.VoidKeyword
  ) {
    return params.length - 1;
  }
  return params.length;
}

/**
 * True when `child` of a function-creating node belongs to the OUTER code
 * path: a method's decorators, modifiers and (computed) name, a field's
 * decorators and key — everything of a field but its initializer.
 */
export function isOuterPart(parent: ts.Node, child: ts.Node): boolean {
  if (parent.kind === SK.PropertyDeclaration) return child !== (parent as ts.PropertyDeclaration).initializer;
  if (child.kind === SK.Decorator || ts.isModifier(child)) return true;
  return child === (parent as ts.NamedDeclaration).name;
}
