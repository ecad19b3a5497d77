/**
 * The page asks the core, it does not carry it: the renderer may import the core's pure modules
 * (the field table, the calendar, the quantity reader) but no runtime value of its validators,
 * which bring zod (and shipment.ts's rules) into a bundle that has no use for them. Followed here
 * from the page's entry point through every import that carries a value (type-only imports vanish
 * from the bundle); and, where `npm run build` has made it, in the built bundle itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const ENTRY = path.join(ROOT, 'renderer', 'src', 'main.tsx');

/** The specifiers a module imports or re-exports for their values. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every module the page's bundle holds, and every package it imports. */
function reachable(): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolve(file, specifier);
      if (target && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return { modules, packages };
}

test("the page's bundle takes no validator from the core, and so no zod", () => {
  const { modules, packages } = reachable();
  const core = [...modules]
    .map((file) => path.relative(ROOT, file))
    .filter((file) => file.startsWith('electron'))
    .sort();
  const validators = ['electron/core/shipment.ts', 'electron/core/requests.ts', 'electron/core/service.ts'];
  expect(core.filter((file) => validators.includes(file))).toEqual([]);
  // The pure modules it may use: the contract's values, the field table, calendar, quantities.
  expect(core).toEqual(expect.arrayContaining(['electron/core/fields.ts', 'electron/core/quantity.ts']));
  expect([...packages].filter((name) => name === 'zod' || name.startsWith('node:'))).toEqual([]);
});

test('the built bundle, where there is one, holds no zod', () => {
  const assets = path.join(ROOT, 'dist', 'renderer', 'assets');
  if (!fs.existsSync(assets)) return;
  for (const file of fs.readdirSync(assets).filter((name) => name.endsWith('.js')))
    expect([file, /ZodError|\$ZodType/.test(fs.readFileSync(path.join(assets, file), 'utf8'))]).toEqual([
      file,
      false,
    ]);
});
