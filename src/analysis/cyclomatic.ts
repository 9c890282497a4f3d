/**
 * Decision points of ESLint 10's core `complexity` rule (classic variant),
 * translated from ESTree node types to TypeScript's AST.
 */
import { ts } from './typescript-api.cjs';

const SK = ts.SyntaxKind;

/** 1 when `node` is a decision point ESLint's `complexity` rule counts, else 0. */
export function cyclomaticIncrement(node: ts.Node): number {
  switch (node.kind) {
    case SK.CatchClause:
    case SK.ConditionalExpression:
    case SK.ForStatement:
    case SK.ForInStatement:
    case SK.ForOfStatement:
    case SK.IfStatement:
    case SK.WhileStatement:
    case SK.DoStatement:
    case SK.CaseClause: // SwitchCase[test]; DefaultClause has no test
      return 1;
    case SK.BinaryExpression:
      return binaryIncrement(node as ts.BinaryExpression);
    case SK.Parameter: // AssignmentPattern as a parameter default
      return (node as ts.ParameterDeclaration).initializer === undefined ? 0 : 1;
    case SK.BindingElement: // AssignmentPattern inside a destructuring declaration
      return (node as ts.BindingElement).initializer === undefined ? 0 : 1;
    case SK.ShorthandPropertyAssignment: // `({ a = 1 } = o)`
      return (node as ts.ShorthandPropertyAssignment).objectAssignmentInitializer === undefined ? 0 : 1;
    case SK.PropertyAccessExpression:
    case SK.ElementAccessExpression:
    case SK.CallExpression: // optional chaining: MemberExpression/CallExpression with optional: true
      return (node as ts.PropertyAccessExpression).questionDotToken === undefined ? 0 : 1;
    default:
      return 0;
  }
}

function binaryIncrement(node: ts.BinaryExpression): number {
  switch (node.operatorToken.kind) {
    case SK.AmpersandAmpersandToken: // LogicalExpression
    case SK.BarBarToken:
    case SK.QuestionQuestionToken:
    case SK.AmpersandAmpersandEqualsToken: // logical assignment
    case SK.BarBarEqualsToken:
    case SK.QuestionQuestionEqualsToken:
      return 1;
    case SK.EqualsToken: // a default inside an assignment pattern is an ESTree AssignmentPattern
      return isDefaultInAssignmentPattern(node) ? 1 : 0;
    default:
      return 0;
  }
}

/** `b = 1` in `[b = 1] = arr` or `({ a: b = 1 } = o)`: a default, not an assignment. */
function isDefaultInAssignmentPattern(node: ts.BinaryExpression): boolean {
  const parent = node.parent;
  if (parent.kind === SK.ArrayLiteralExpression) return isAssignmentPattern(parent);
  if (parent.kind === SK.PropertyAssignment && (parent as ts.PropertyAssignment).initializer === node) {
    return isAssignmentPattern(parent.parent);
  }
  return false;
}

/** True when an array/object literal is the target of a destructuring assignment. */
function isAssignmentPattern(literal: ts.Node): boolean {
  let current = literal;
  for (;;) {
    const parent = current.parent;
    switch (parent.kind) {
      case SK.BinaryExpression: {
        const binary = parent as ts.BinaryExpression;
        return binary.left === current && binary.operatorToken.kind === SK.EqualsToken;
      }
      case SK.ForOfStatement:
      case SK.ForInStatement:
        return (parent as ts.ForOfStatement).initializer === current;
      case SK.ArrayLiteralExpression:
      case SK.SpreadElement:
      case SK.SpreadAssignment:
        current = parent.kind === SK.SpreadAssignment ? parent.parent : parent;
        break;
      case SK.PropertyAssignment:
        if ((parent as ts.PropertyAssignment).initializer !== current) return false;
        current = parent.parent;
        break;
      default:
        return false;
    }
  }
}
