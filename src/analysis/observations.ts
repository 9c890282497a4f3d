/**
 * Syntactic observations that rules turn into findings: explicit `any`,
 * empty `catch` blocks (found by the walk's hook) and parse errors.
 */
import { ts } from './typescript-api.cjs';
import type { Observation } from '../types.js';

const SK = ts.SyntaxKind;

/** Collects observations about single nodes during the AST walk. */
export class NodeObservations {
  readonly found: Observation[] = [];

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** Hook for the AST walk. */
  visit(node: ts.Node): void {
    if (node.kind === SK.AnyKeyword) {
      this.add('explicit-any', node.getStart(this.sourceFile));
    } else if (node.kind === SK.CatchClause && (node as ts.CatchClause).block.statements.length === 0) {
      // Comments inside the block do not make it non-empty.
      this.add('empty-catch', node.getStart(this.sourceFile));
    }
  }

  private add(kind: Observation['kind'], pos: number): void {
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(pos);
    this.found.push({ kind, line: line + 1, column: character + 1 });
  }
}

/** One `parse-error` observation per parser diagnostic, message flattened to one line. */
export function parseErrors(sourceFile: ts.SourceFile): Observation[] {
  // parseDiagnostics is not in the public typings, but it is what every
  // parse-only tool reads; without a Program there is no other source.
  const diagnostics = (sourceFile as ts.SourceFile & { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start);
    return {
      kind: 'parse-error' as const,
      line: line + 1,
      column: character + 1,
      text: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    };
  });
}
