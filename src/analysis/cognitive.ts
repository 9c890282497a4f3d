/**
 * The parts of eslint-plugin-sonarjs 4's `cognitive-complexity` (S3776) that
 * need more than one node: logical-operator sequences and the nesting nodes.
 *
 * How sonde maps S3776's report onto per-function facts: S3776 reports, for
 * every function (FunctionDeclaration/Expression/Arrow), its OWN complexity
 * (`functionOwnComplexity`): points of its body minus nested functions, with
 * nesting counted by that function's own control-flow nesting counter. sonde
 * stores exactly that number as `cognitive`. S3776 does not see class field
 * initializers or static blocks as functions: their points go to the
 * enclosing function (as in S3776), and sonde's pseudo-functions for them
 * (which ESLint's `complexity` does report) get cognitive 0. So the sum of
 * `cognitive` over a file's functions equals the sum of S3776's reports.
 */
import { ts } from './typescript-api.cjs';
import { estreeParent, skipParens } from './function-nodes.js';

const SK = ts.SyntaxKind;

/** Per-function cognitive state (S3776's functionOwnComplexity + functionOwnControlFlowNesting). */
export interface CognitiveFrame {
  /** Control-flow nesting inside this function. */
  nesting: number;
  /** Sum of points so far. */
  score: number;
}

/** `&&`, `||`, `??`: an ESTree LogicalExpression. */
export function isLogical(node: ts.Node): node is ts.BinaryExpression {
  if (node.kind !== SK.BinaryExpression) return false;
  const op = (node as ts.BinaryExpression).operatorToken.kind;
  return op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken;
}

/**
 * Points for a logical expression met in pre-order (visitLogicalExpression):
 * +1 for each `&&` whose in-order predecessor in the flattened sequence is not
 * `&&`; `||` and `??` add nothing in S3776 4.x. Nodes already part of a
 * counted sequence, and short circuits directly inside a JSX expression
 * container (`{a && <b/>}`), score 0. Iterative: chains can be 10k long.
 */
export function logicalPoints(node: ts.BinaryExpression, considered: Set<ts.Node>): number {
  const jsx = jsxShortCircuitNodes(node);
  if (jsx !== null) {
    for (const n of jsx) considered.add(n);
    return 0;
  }
  if (considered.has(node)) return 0;
  let points = 0;
  let previous: ts.SyntaxKind | undefined;
  for (const current of flattenLogical(node, () => true)!) {
    considered.add(current);
    const op = current.operatorToken.kind;
    if (op === SK.AmpersandAmpersandToken && previous !== op) points++;
    previous = op;
  }
  return points;
}

/**
 * In-order list of the logical expressions reachable from `root` through
 * left/right operands (parentheses are transparent, as in ESTree), or null
 * when `accept` rejects a node on the way.
 */
function flattenLogical(
  root: ts.BinaryExpression,
  accept: (node: ts.Node) => boolean,
): ts.BinaryExpression[] | null {
  const result: ts.BinaryExpression[] = [];
  const stack: ts.BinaryExpression[] = [];
  let current: ts.Node = root;
  for (;;) {
    while (isLogical(current)) {
      if (!accept(current)) return null;
      stack.push(current);
      current = skipParens(current.left);
    }
    if (!accept(current)) return null;
    const next = stack.pop();
    if (next === undefined) return result;
    result.push(next);
    current = skipParens(next.right);
  }
}

/** sonarjs getJsxShortCircuitNodes: a same-operator chain with no `?:` leaf, directly in `{…}`. */
function jsxShortCircuitNodes(node: ts.BinaryExpression): ts.BinaryExpression[] | null {
  const parent = estreeParent(node);
  if (parent === undefined || parent.kind !== SK.JsxExpression || (parent as ts.JsxExpression).dotDotDotToken !== undefined) {
    return null;
  }
  const op = node.operatorToken.kind;
  return flattenLogical(node, (n) =>
    isLogical(n) ? n.operatorToken.kind === op : n.kind !== SK.ConditionalExpression,
  );
}

/**
 * The nodes S3776 adds to `nestingNodes` when it visits `node`, in ESTree
 * terms (parentheses skipped — that matters when the nested node is itself a
 * function, see function-metrics.ts).
 */
export function nestedChildren(node: ts.Node): readonly ts.Node[] {
  switch (node.kind) {
    case SK.IfStatement: {
      const ifStatement = node as ts.IfStatement;
      const elseStatement = ifStatement.elseStatement;
      return elseStatement === undefined || elseStatement.kind === SK.IfStatement
        ? [ifStatement.thenStatement]
        : [ifStatement.thenStatement, elseStatement];
    }
    case SK.ForStatement:
    case SK.ForInStatement:
    case SK.ForOfStatement:
    case SK.WhileStatement:
    case SK.DoStatement:
      return [(node as ts.IterationStatement).statement];
    case SK.SwitchStatement:
      return (node as ts.SwitchStatement).caseBlock.clauses;
    case SK.CatchClause:
      return [(node as ts.CatchClause).block];
    case SK.ConditionalExpression: {
      const conditional = node as ts.ConditionalExpression;
      return [skipParens(conditional.whenTrue), skipParens(conditional.whenFalse)];
    }
    default:
      return NONE;
  }
}

const NONE: readonly ts.Node[] = [];

/**
 * Points `node` itself adds to the enclosing function, given that function's
 * current nesting: structural increments (+1 + nesting) for if/loops/switch/
 * catch/?:, +1 for `else if`, `else`, labelled break/continue. Logical
 * expressions are handled by logicalPoints.
 */
export function ownPoints(node: ts.Node, nesting: number): number {
  switch (node.kind) {
    case SK.IfStatement: {
      const ifStatement = node as ts.IfStatement;
      const parent = ifStatement.parent;
      const isElseIf = parent.kind === SK.IfStatement && (parent as ts.IfStatement).elseStatement === node;
      const base = isElseIf ? 1 : nesting + 1;
      const elseStatement = ifStatement.elseStatement;
      return elseStatement !== undefined && elseStatement.kind !== SK.IfStatement ? base + 1 : base;
    }
    case SK.ForStatement:
    case SK.ForInStatement:
    case SK.ForOfStatement:
    case SK.WhileStatement:
    case SK.DoStatement:
    case SK.SwitchStatement:
    case SK.CatchClause:
    case SK.ConditionalExpression:
      return nesting + 1;
    case SK.BreakStatement:
    case SK.ContinueStatement:
      return (node as ts.BreakOrContinueStatement).label === undefined ? 0 : 1;
    default:
      return 0;
  }
}
