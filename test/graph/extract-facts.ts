/**
 * A stand-in for the per-file analysis in graph tests and the dependency-cruiser
 * cross-check: imports and exports of one file via the TypeScript compiler's
 * parser, shaped like sonde's ImportRecord / ExportRecord. Metrics are zero.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ExportRecord, FileFacts, FileResult, ImportRecord } from '../../src/types.js';

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/** Imports and exports of `text`, as the real analysis records them. */
export function extractFacts(fileName: string, text: string): FileFacts {
  const kind = /\.[mc]?tsx$|\.jsx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const imports: ImportRecord[] = [];
  const exports: ExportRecord[] = [];
  for (const st of sf.statements) {
    const line = lineOf(st);
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push('*');
      else if (nb) for (const el of nb.elements) names.push((el.propertyName ?? el.name).text);
      imports.push({ specifier: st.moduleSpecifier.text, kind: 'import', typeOnly: clause?.isTypeOnly ?? false, names, line });
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
      const expr = st.moduleReference.expression;
      if (ts.isStringLiteral(expr)) imports.push({ specifier: expr.text, kind: 'require', typeOnly: st.isTypeOnly, names: ['*'], line });
    } else if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const clause = st.exportClause;
      const names: string[] = [];
      if (!clause) {
        names.push('*');
        if (from !== undefined) exports.push({ name: '*', line, typeOnly: st.isTypeOnly, from, sourceName: '*' });
      } else if (ts.isNamespaceExport(clause)) {
        names.push('*');
        exports.push({ name: clause.name.text, line, typeOnly: st.isTypeOnly, ...(from !== undefined ? { from, sourceName: '*' } : {}) });
      } else {
        for (const el of clause.elements) {
          const source = (el.propertyName ?? el.name).text;
          names.push(source);
          const typeOnly = st.isTypeOnly || el.isTypeOnly;
          exports.push({ name: el.name.text, line, typeOnly, ...(from !== undefined ? { from, sourceName: source } : {}) });
        }
      }
      if (from !== undefined) imports.push({ specifier: from, kind: 'reexport', typeOnly: st.isTypeOnly, names, line });
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
      exports.push({ name: 'default', line, typeOnly: false });
    } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const typeOnly = ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st);
      if (hasModifier(st, ts.SyntaxKind.DefaultKeyword)) exports.push({ name: 'default', line, typeOnly });
      else if (ts.isVariableStatement(st)) {
        const names: string[] = [];
        for (const d of st.declarationList.declarations) bindingNames(d.name, names);
        for (const name of names) exports.push({ name, line, typeOnly: false });
      } else {
        const name = (st as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) exports.push({ name: name.text, line, typeOnly });
      }
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) {
        imports.push({ specifier: node.arguments[0].text, kind: isImport ? 'dynamic' : 'require', typeOnly: false, names: [], line: lineOf(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { lines: 0, code: 0, comment: 0, blank: 0, functions: [], imports, exports, observations: [] };
}

/** FileResults for `relPaths` under `root`, analyzed with extractFacts. */
export function loadFiles(root: string, relPaths: readonly string[]): FileResult[] {
  return relPaths.map((rel) => {
    const text = readFileSync(path.join(root, rel), 'utf8');
    return { path: rel, size: text.length, hash: '', facts: extractFacts(rel, text), error: null, cached: false };
  });
}
