/**
 * Module references (imports) and exported names of one file, unresolved.
 * Static imports/exports come from the file's top-level statements only (an
 * `export` inside `declare module 'x' {}` or a namespace is not the file's);
 * `import()` and `require()` are found anywhere by the walk's hook.
 */
import { ts } from './typescript-api.cjs';
import type { ExportRecord, ImportRecord } from '../types.js';
import { bindingNames, hasExport, moduleExportName, usedNames } from './module-syntax.js';

const SK = ts.SyntaxKind;

/** Accumulates ImportRecord / ExportRecord for one file. */
export class ModuleCollector {
  readonly imports: ImportRecord[] = [];
  readonly exports: ExportRecord[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  private line(node: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1;
  }

  /** Reads the top-level statements. */
  collectStatements(): void {
    for (const statement of this.sourceFile.statements) {
      switch (statement.kind) {
        case SK.ImportDeclaration:
          this.importDeclaration(statement as ts.ImportDeclaration);
          break;
        case SK.ImportEqualsDeclaration:
          this.importEquals(statement as ts.ImportEqualsDeclaration);
          break;
        case SK.ExportDeclaration:
          this.exportDeclaration(statement as ts.ExportDeclaration);
          break;
        case SK.ExportAssignment:
          // `export default expr`; `export = x` is CommonJS-style and has no ESM name.
          if (!(statement as ts.ExportAssignment).isExportEquals) this.addExport('default', statement, false);
          break;
        default:
          this.exportedDeclaration(statement);
      }
    }
  }

  /** Hook for the AST walk: `import('x')` and `require('x')` with a literal specifier. */
  visit(node: ts.Node): void {
    if (node.kind !== SK.CallExpression) return;
    const call = node as ts.CallExpression;
    const callee = call.expression;
    const isImport = callee.kind === SK.ImportKeyword;
    const isRequire = callee.kind === SK.Identifier && (callee as ts.Identifier).text === 'require' && call.arguments.length === 1;
    if (!isImport && !isRequire) return;
    const argument = call.arguments[0];
    if (argument === undefined || !ts.isStringLiteralLike(argument)) return;
    this.imports.push({
      specifier: argument.text,
      kind: isImport ? 'dynamic' : 'require',
      typeOnly: false,
      names: usedNames(call),
      line: this.line(call),
    });
  }

  private importDeclaration(declaration: ts.ImportDeclaration): void {
    if (!ts.isStringLiteralLike(declaration.moduleSpecifier)) return;
    const clause = declaration.importClause;
    const names: string[] = [];
    let allTypeOnly = clause?.isTypeOnly ?? false;
    if (clause !== undefined) {
      if (clause.name !== undefined) names.push('default');
      const bindings = clause.namedBindings;
      if (bindings !== undefined && bindings.kind === SK.NamespaceImport) names.push('*');
      if (bindings !== undefined && bindings.kind === SK.NamedImports) {
        for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        // `import { type A, type B }` imports types only, like `import type`.
        const typeOnlyElements = bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
        if (clause.name === undefined && typeOnlyElements) allTypeOnly = true;
      }
    }
    this.imports.push({
      specifier: declaration.moduleSpecifier.text,
      kind: 'import',
      typeOnly: allTypeOnly,
      names,
      line: this.line(declaration),
    });
  }

  private importEquals(declaration: ts.ImportEqualsDeclaration): void {
    const reference = declaration.moduleReference;
    if (reference.kind === SK.ExternalModuleReference) {
      if (ts.isStringLiteralLike(reference.expression)) {
        this.imports.push({
          specifier: reference.expression.text,
          kind: 'require',
          typeOnly: declaration.isTypeOnly,
          names: ['*'],
          line: this.line(declaration),
        });
      }
    }
    if (hasExport(declaration)) this.addExport(declaration.name.text, declaration, declaration.isTypeOnly);
  }

  private exportDeclaration(declaration: ts.ExportDeclaration): void {
    const specifier = declaration.moduleSpecifier;
    const from = specifier !== undefined && ts.isStringLiteralLike(specifier) ? specifier.text : undefined;
    const clause = declaration.exportClause;
    const names: string[] = [];
    if (clause === undefined) {
      names.push('*');
      if (from !== undefined) this.addExport('*', declaration, declaration.isTypeOnly, from);
    } else if (clause.kind === SK.NamespaceExport) {
      names.push('*');
      this.addExport(moduleExportName(clause.name), declaration, declaration.isTypeOnly, from, '*');
    } else {
      for (const element of clause.elements) {
        const sourceName = moduleExportName(element.propertyName ?? element.name);
        names.push(sourceName);
        const typeOnly = declaration.isTypeOnly || element.isTypeOnly;
        this.addExport(moduleExportName(element.name), element, typeOnly, from, from === undefined ? undefined : sourceName);
      }
    }
    if (from !== undefined) {
      this.imports.push({ specifier: from, kind: 'reexport', typeOnly: declaration.isTypeOnly, names, line: this.line(declaration) });
    }
  }

  private exportedDeclaration(statement: ts.Statement): void {
    if (!hasExport(statement)) return;
    const isDefault = (statement as ts.HasModifiers).modifiers!.some((m) => m.kind === SK.DefaultKeyword);
    switch (statement.kind) {
      case SK.VariableStatement:
        for (const declaration of (statement as ts.VariableStatement).declarationList.declarations) {
          for (const name of bindingNames(declaration.name)) this.addExport(name, declaration, false);
        }
        return;
      case SK.InterfaceDeclaration:
      case SK.TypeAliasDeclaration:
        this.addExport(isDefault ? 'default' : (statement as ts.InterfaceDeclaration).name.text, statement, true);
        return;
      case SK.FunctionDeclaration:
      case SK.ClassDeclaration:
      case SK.EnumDeclaration:
      case SK.ModuleDeclaration: {
        const name = (statement as ts.DeclarationStatement).name;
        if (isDefault || name === undefined) this.addExport('default', statement, false);
        else this.addExport(name.kind === SK.Identifier ? name.text : (name as ts.StringLiteral).text, statement, false);
        return;
      }
      default:
        return;
    }
  }

  private addExport(name: string, node: ts.Node, typeOnly: boolean, from?: string, sourceName?: string): void {
    // Overloads and declaration merging (`interface X` + `const X`) export one name once.
    const key = from === undefined ? name : `${name}\u0000${from}`;
    const seen = this.seen.get(key);
    if (seen !== undefined) {
      if (!typeOnly && this.exports[seen]!.typeOnly) this.exports[seen] = { ...this.exports[seen]!, typeOnly: false };
      return;
    }
    this.seen.set(key, this.exports.length);
    const record: ExportRecord =
      from === undefined
        ? { name, line: this.line(node), typeOnly }
        : sourceName === undefined
          ? { name, line: this.line(node), typeOnly, from }
          : { name, line: this.line(node), typeOnly, from, sourceName };
    this.exports.push(record);
  }
}
