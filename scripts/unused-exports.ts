// Exports that no other file of the repository imports (tests included): dead code, or a name that should
// not be exported. Reads both TypeScript projects (node side and renderer) with the compiler's own module
// resolution; a namespace import, `export *` or a dynamic import() counts every export of its target as
// used. Default exports are left alone (tool configs, lazy components).
//   npx tsx scripts/unused-exports.ts      prints file:name per unused export (unused-exports.test.ts: none)
import path from 'node:path';
import ts from 'typescript';

export function unusedExports(root: string): string[] {
  const files = new Set<string>();
  for (const config of ['tsconfig.json', 'tsconfig.web.json']) {
    const file = path.join(root, config);
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(file, ts.sys.readFile).config, ts.sys, root);
    for (const f of parsed.fileNames) files.add(path.resolve(f));
  }
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const exported = new Map<string, Set<string>>(); // file -> names
  const used = new Map<string, Set<string>>(); // file -> names imported by others
  const usedAll = new Set<string>();
  const use = (target: string, name: string) =>
    (used.get(target) ?? used.set(target, new Set()).get(target)!).add(name);
  const resolve = (spec: string, from: string) =>
    ts.resolveModuleName(spec, from, options, ts.sys).resolvedModule?.resolvedFileName;

  for (const file of files) {
    const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true);
    const names = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) {
        const target =
          node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
            ? resolve(node.moduleSpecifier.text, file)
            : undefined;
        if (target) {
          if (ts.isImportDeclaration(node)) {
            const clause = node.importClause;
            if (clause?.name) use(target, 'default');
            const bindings = clause?.namedBindings;
            if (bindings && ts.isNamespaceImport(bindings)) usedAll.add(target);
            if (bindings && ts.isNamedImports(bindings))
              for (const el of bindings.elements) use(target, (el.propertyName ?? el.name).text);
          } else if (ts.isExportDeclaration(node)) {
            if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) usedAll.add(target);
            else for (const el of node.exportClause.elements) use(target, (el.propertyName ?? el.name).text);
          }
        }
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const target = resolve(node.arguments[0].text, file);
        if (target) usedAll.add(target);
      }
      if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        const target = resolve(node.argument.literal.text, file);
        if (target) {
          if (node.qualifier)
            use(target, ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText());
          else usedAll.add(target);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const statement of source.statements) {
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      const isExported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isExported && !isDefault) {
        if (ts.isVariableStatement(statement)) {
          for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
        } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
          names.add((statement.name as ts.Identifier).text);
        }
      }
      if (
        ts.isExportDeclaration(statement) &&
        !statement.moduleSpecifier &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      ) {
        for (const el of statement.exportClause.elements) names.add(el.name.text);
      }
    }
    exported.set(file, names);
  }
  const unused: string[] = [];
  for (const [file, names] of exported) {
    if (usedAll.has(file)) continue;
    for (const name of names) if (!used.get(file)?.has(name)) unused.push(`${path.relative(root, file)}:${name}`);
  }
  return unused.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const list = unusedExports(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..'));
  console.log(list.join('\n'));
  console.log(`${list.length} unused exports`);
}
