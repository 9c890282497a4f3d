/**
 * One iterative pass over a TypeScript AST computing, per function, the
 * numbers of ESLint `complexity` (cyclomatic), sonarjs `cognitive-complexity`,
 * ESLint `max-depth` and `max-params`.
 *
 * The walk uses an explicit stack, never recursion, so 10,000-deep nesting
 * cannot overflow the JS stack. Each stack entry carries the Frame (code
 * path) its node belongs to: ESLint attributes a method's decorators and
 * computed name to the OUTER code path, its parameters and body to its own.
 */
import { ts } from './typescript-api.cjs';
import type { FunctionFacts } from '../types.js';
import { type CognitiveFrame, isLogical, logicalPoints, nestedChildren, ownPoints } from './cognitive.js';
import { cyclomaticIncrement } from './cyclomatic.js';
import {
  fieldInitializerReportPos,
  functionLengthPos,
  functionName,
  functionReportPos,
  isFieldWithInitializer,
  isFunctionWithBody,
  isIife,
  isOuterPart,
  parameterCount,
} from './function-nodes.js';

const SK = ts.SyntaxKind;

/** An ESLint code path: the program, a function, a field initializer or a static block. */
interface Frame {
  readonly parent: Frame | null;
  /** The node that opened this frame (undefined for the program). */
  readonly owner: ts.Node | undefined;
  readonly facts: MutableFacts | null;
  /** Nearest enclosing S3776 function (itself for a function); null at top level. */
  readonly cognitive: CognitiveFrame | null;
  /** ESLint max-depth counter (field initializers share none; they hold no statements). */
  depth: number;
}

interface MutableFacts {
  name: string;
  pos: number;
  /** Where max-lines-per-function starts counting (the ESTree node's start). */
  lengthPos: number;
  end: number;
  iife: boolean;
  params: number;
  cyclomatic: number;
  maxDepth: number;
  readonly cognitive: CognitiveFrame;
  readonly order: number;
}

/** Called for every node on entry, for collectors that ride on this walk. */
type NodeHook = (node: ts.Node) => void;

/** Statements that ESLint's max-depth counts as one level of nesting. */
function isDepthBlock(node: ts.Node): boolean {
  switch (node.kind) {
    case SK.IfStatement: {
      const parent = node.parent;
      return !(parent.kind === SK.IfStatement && (parent as ts.IfStatement).elseStatement === node);
    }
    case SK.SwitchStatement:
    case SK.TryStatement:
    case SK.DoStatement:
    case SK.WhileStatement:
    case SK.WithStatement:
    case SK.ForStatement:
    case SK.ForInStatement:
    case SK.ForOfStatement:
      return true;
    default:
      return false;
  }
}

/** Computes FunctionFacts for every function ESLint's `complexity` rule would report, in report order. */
export function functionMetrics(sourceFile: ts.SourceFile, hook?: NodeHook): FunctionFacts[] {
  const all: MutableFacts[] = [];
  const nestingNodes = new Set<ts.Node>();
  const considered = new Set<ts.Node>();
  const program: Frame = { parent: null, owner: undefined, facts: null, cognitive: null, depth: 0 };

  // Parallel stacks; `exiting` marks the second visit of a node.
  const nodes: ts.Node[] = [sourceFile];
  const frames: Frame[] = [program];
  const exiting: boolean[] = [false];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): undefined => {
    children.push(child);
    return undefined;
  };

  const openFrame = (owner: ts.Node, parent: Frame, isFunction: boolean): Frame => {
    // A pseudo-function (field initializer, static block) keeps its own score at 0;
    // its points go to the enclosing S3776 function, as in sonarjs.
    const facts = describe(owner, sourceFile, { nesting: 0, score: 0 }, all.length);
    all.push(facts);
    return { parent, owner, facts, cognitive: isFunction ? facts.cognitive : parent.cognitive, depth: 0 };
  };

  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const frame = frames.pop()!;
    if (exiting.pop()!) {
      exit(node, frame, nestingNodes);
      continue;
    }
    hook?.(node);

    // S3776 increments nesting on entering a nesting node BEFORE the node's own
    // function (if it is one) is pushed: a function used as a `?:` branch
    // leaves its enclosing function's nesting raised (sonarjs behaviour, kept).
    if (nestingNodes.has(node) && frame.cognitive !== null) frame.cognitive.nesting++;

    if (frame.facts !== null) frame.facts.cyclomatic += cyclomaticIncrement(node);
    if (isDepthBlock(node)) {
      frame.depth++;
      if (frame.facts !== null && frame.depth > frame.facts.maxDepth) frame.facts.maxDepth = frame.depth;
    }
    const cognitive = frame.cognitive;
    if (cognitive !== null) {
      cognitive.score += ownPoints(node, cognitive.nesting);
      if (isLogical(node)) cognitive.score += logicalPoints(node, considered);
    } else if (isLogical(node)) {
      logicalPoints(node, considered); // keeps `considered` right for nested functions
    }
    for (const nested of nestedChildren(node)) nestingNodes.add(nested);

    let inner = frame;
    if (isFunctionWithBody(node)) inner = openFrame(node, frame, true);
    else if (isFieldWithInitializer(node) || node.kind === SK.ClassStaticBlockDeclaration) inner = openFrame(node, frame, false);

    const needsExit = inner !== frame || nestingNodes.has(node) || isDepthBlock(node);
    if (needsExit) {
      nodes.push(node);
      frames.push(inner);
      exiting.push(true);
    }
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      nodes.push(child);
      frames.push(inner !== frame && isOuterPart(node, child) ? frame : inner);
      exiting.push(false);
    }
  }

  all.sort((a, b) => a.pos - b.pos || a.order - b.order);
  return all.map((f) => toFacts(f, sourceFile));
}

function exit(node: ts.Node, frame: Frame, nestingNodes: Set<ts.Node>): void {
  const opened = frame.owner === node;
  if (nestingNodes.delete(node)) {
    // S3776 decrements the innermost function's counter: for a function node
    // that is its own (about to be discarded), not the enclosing one's.
    if (frame.cognitive !== null) frame.cognitive.nesting--;
  }
  const outer = opened ? frame.parent! : frame;
  if (isDepthBlock(node)) outer.depth--;
}

function describe(owner: ts.Node, sourceFile: ts.SourceFile, cognitive: CognitiveFrame, order: number): MutableFacts {
  if (isFunctionWithBody(owner)) {
    return {
      name: functionName(owner),
      pos: functionReportPos(owner, sourceFile),
      lengthPos: functionLengthPos(owner, sourceFile),
      end: owner.end,
      iife: isIife(owner),
      params: parameterCount(owner),
      cyclomatic: 1,
      maxDepth: 0,
      cognitive,
      order,
    };
  }
  if (isFieldWithInitializer(owner)) {
    return {
      name: '<class field initializer>',
      pos: fieldInitializerReportPos(owner, sourceFile),
      lengthPos: fieldInitializerReportPos(owner, sourceFile),
      end: owner.initializer.end,
      iife: false,
      params: 0,
      cyclomatic: 1,
      maxDepth: 0,
      cognitive,
      order,
    };
  }
  return {
    name: '<class static block>',
    pos: owner.getStart(sourceFile),
    lengthPos: owner.getStart(sourceFile),
    end: owner.end,
    iife: false,
    params: 0,
    cyclomatic: 1,
    maxDepth: 0,
    cognitive,
    order,
  };
}

function toFacts(f: MutableFacts, sourceFile: ts.SourceFile): FunctionFacts {
  const start = sourceFile.getLineAndCharacterOfPosition(f.pos);
  const endLine = sourceFile.getLineAndCharacterOfPosition(f.end).line + 1;
  const line = start.line + 1;
  const lengthLine = sourceFile.getLineAndCharacterOfPosition(f.lengthPos).line + 1;
  return {
    name: f.name,
    line,
    column: start.character + 1,
    endLine,
    params: f.params,
    cyclomatic: f.cyclomatic,
    cognitive: f.cognitive.score,
    maxDepth: f.maxDepth,
    length: endLine - lengthLine + 1,
    ...(f.iife ? { iife: true as const } : {}),
  };
}
