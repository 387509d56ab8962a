// The typed package's per-operation layout (model.perOperation): openapi-typescript's types cut into one module per
// component (`src/generated/types/<Component>.ts`) and one per group of neighbouring operations
// (`src/generated/ops/<first constant>.ts`, each one's type and constant: operation-groups.ts), each importing only
// what it refers to, so a consumer of three operations of Microsoft Graph loads their types and not 24 MB of them. Cut from the AST openapi-typescript made once; schema.ts then refers to these
// modules (`import("./types/User.js").User`) instead of holding a second copy of each type.
import ts from "typescript";
import type { ComponentAlias } from "../../component-names.js";
import type { PerOperationFiles, ProviderModel } from "../../model.js";
import type { GeneratedFile } from "../emitter.js";
import { commentSafe, header } from "../header.js";
import { constantStatement } from "./operations.js";

/** The names openapi-typescript's output declares at its top level; a reference left to one imports it from schema.ts. */
const ROOTS = new Set(["paths", "webhooks", "components", "$defs", "operations"]);

/** One module: its path, its declarations printed, the components it imports (alias, local name), its free names. */
interface Module {
  path: string;
  body: string;
  imports: readonly (readonly [alias: string, local: string])[];
  /** Names it uses that it neither declares nor imports as components: globals, helpers, schema.ts's roots. */
  free: ReadonlySet<string>;
}

export function perOperationTypes(
  model: ProviderModel,
  ast: readonly ts.Node[],
): { files: GeneratedFile[]; schema: ts.Node[] } {
  const files = model.perOperation!;
  const bySection = new Map(model.components.map((c) => [`${c.section}\u0000${c.name}`, c]));
  /** The component `components[section][name]` is exported as, if it has an alias. */
  const aliasOf = (section: string, name: string) => bySection.get(`${section}\u0000${name}`);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const blank = ts.createSourceFile("types.ts", "", ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const print = (node: ts.Node) => printer.printNode(ts.EmitHint.Unspecified, node, blank);

  // openapi-typescript's helpers (`WithRequired<T, K>`): copied, unexported, into each module that uses them.
  const helpers = new Map<string, string>();
  let components: ts.InterfaceDeclaration | undefined;
  let operations: ts.InterfaceDeclaration | undefined;
  for (const node of ast) {
    if (ts.isInterfaceDeclaration(node) && node.name.text === "components") components = node;
    else if (ts.isInterfaceDeclaration(node) && node.name.text === "operations") operations = node;
    else if (ts.isTypeAliasDeclaration(node) && !ROOTS.has(node.name.text))
      helpers.set(node.name.text, print(withoutExport(node)));
  }

  /**
   * Types (one module's) with each `components["section"]["name"]` replaced by the component's alias, under a local
   * name no name of the module takes (`own`, and every free name the types use: a schema named `Record` imported
   * where the global is used); what the module imports under which local name, and the free names it uses.
   */
  const rewrite = (
    types: readonly ts.TypeNode[],
    ownOf: (free: ReadonlySet<string>) => readonly string[],
    self?: ComponentAlias,
  ) => {
    const used = new Set<ComponentAlias>();
    const free = new Set<string>();
    const scan = (node: ts.Node): void => {
      const c = componentOf(node);
      if (c) return void used.add(c);
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) free.add(node.typeName.text);
      ts.forEachChild(node, scan);
    };
    types.forEach(scan);
    const own = ownOf(free);
    const taken = new Set([...own, ...free]);
    const local = new Map<ComponentAlias, string>();
    for (const c of [...used].sort((x, y) => (x.alias < y.alias ? -1 : 1))) {
      const name = c === self ? own[0]! : unique(c.alias, taken);
      taken.add(name);
      local.set(c, name);
    }
    const replace = (node: ts.Node): ts.Node => {
      const c = componentOf(node);
      if (c) return ts.factory.createTypeReferenceNode(local.get(c)!);
      return ts.visitEachChild(node, replace, undefined);
    };
    const imports = [...local].filter(([c]) => c !== self).map(([c, name]) => [c.alias, name] as const);
    return { types: used.size ? types.map((t) => replace(t) as ts.TypeNode) : types, imports, free, own };
  };
  const componentOf = (node: ts.Node): ComponentAlias | undefined => {
    const ref = componentRef(node);
    return ref && aliasOf(ref.section, ref.name);
  };

  const modules: Module[] = [];
  for (const [section, member] of members(components)) {
    for (const [name, m] of members(member.type)) {
      const c = aliasOf(section, name);
      if (!c || !m.type) continue;
      // Declared under the alias, unless the type uses a free name the alias would shadow (a schema named `Record`
      // whose type uses the global): then under a name of its own, exported as the alias.
      const {
        types: [type],
        imports,
        free,
        own,
      } = rewrite([m.type], (free) => [free.has(c.alias) ? unique(c.alias, free) : c.alias, c.alias], c);
      const local = own[0]!;
      const docs = leadingDocs(m);
      const keyword = local === c.alias ? "export " : "";
      const declared = ts.isTypeLiteralNode(type!)
        ? `${docs}${keyword}interface ${local} ${print(type!)}\n`
        : `${docs}${keyword}type ${local} = ${print(type!)};\n`;
      modules.push({
        path: `src/generated/types/${files.types.get(c.alias)}.ts`,
        body: declared + (local === c.alias ? "" : `export type { ${local} as ${c.alias} };\n`),
        imports,
        free,
      });
    }
  }

  // A group's module: each operation's type under its constant's name, then the constant (a type and a value of one
  // name, as `import { getUserOperation }` brings both).
  const opTypes = new Map(members(operations));
  for (const [file, ids] of files.groups) {
    const typed = ids.filter((id) => opTypes.get(id)?.type);
    const constants = ids.map((id) => model.constants.get(id)!);
    const { types, imports, free } = rewrite(
      typed.map((id) => opTypes.get(id)!.type!),
      () => [...constants, "OperationEntry", "JSON"],
    );
    const typeOf = new Map(typed.map((id, i) => [id, print(types[i]!)]));
    if (typed.length < ids.length) free.add("operations");
    modules.push({
      path: `src/generated/ops/${file}.ts`,
      body: ids
        .map((id) => {
          const spec = model.operations[id]!;
          return (
            `/** What \`${spec.method} ${commentSafe(String(spec.path))}\` sends and answers, as openapi-typescript types it. */\n` +
            `export type ${model.constants.get(id)} = ${typeOf.get(id) ?? `operations[${JSON.stringify(id)}]`};\n` +
            constantStatement(id, spec, model.constants.get(id)!, "JSON.parse", "OperationEntry")
          );
        })
        .join(""),
      imports,
      free,
    });
  }

  // schema.ts: `components` and `operations` refer to the modules; `paths` and the rest stay as printed.
  const importType = (file: string, name: string) =>
    ts.factory.createImportTypeNode(
      ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(file)),
      undefined,
      ts.factory.createIdentifier(name),
    );
  const schema = ast.map((node) => {
    if (node === components)
      return withMembers(components, (section, member) =>
        withMembers(member.type, (name, m) => {
          const c = aliasOf(section, name);
          return c && m.type ? importType(`./types/${files.types.get(c.alias)}.js`, c.alias) : m.type;
        }),
      );
    if (node === operations)
      return withMembers(operations, (id, m) =>
        opTypes.get(id)?.type && files.ops.has(id)
          ? importType(`./ops/${files.ops.get(id)}.js`, model.constants.get(id)!)
          : m.type,
      );
    return node;
  });

  return {
    files: modules.map((m) => ({
      path: m.path,
      // Tens of thousands of modules for the largest specs: written as printed (listed in .prettierignore).
      verbatim: true,
      text: render(model, m, files, helpers),
    })),
    schema,
  };
}

/** An interface or type literal with each property's type replaced by `type(key, member)` (a type literal inside). */
function withMembers<T extends ts.InterfaceDeclaration | ts.TypeNode | undefined>(
  node: T,
  type: (key: string, member: ts.PropertySignature) => ts.TypeNode | undefined,
): T {
  if (!node || !(ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node))) return node;
  const list = node.members.map((m) => {
    const key = ts.isPropertySignature(m) ? memberKey(m) : undefined;
    if (key === undefined || !ts.isPropertySignature(m)) return m;
    const replaced = type(key, m);
    return replaced === m.type
      ? m
      : ts.factory.updatePropertySignature(m, m.modifiers, m.name, m.questionToken, replaced);
  });
  return (
    ts.isInterfaceDeclaration(node)
      ? ts.factory.updateInterfaceDeclaration(
          node,
          node.modifiers,
          node.name,
          node.typeParameters,
          node.heritageClauses,
          list,
        )
      : ts.factory.updateTypeLiteralNode(node, ts.factory.createNodeArray(list))
  ) as T;
}

/** A module's text: header, imports, the helpers it uses, its declarations. */
function render(
  model: ProviderModel,
  m: Module,
  files: PerOperationFiles,
  helpers: Map<string, string>,
): string {
  const inOps = m.path.startsWith("src/generated/ops/");
  const lines = m.imports.map(([alias, local]) => {
    const from = `${inOps ? "../types/" : "./"}${files.types.get(alias)}.js`;
    return `import type { ${local === alias ? alias : `${alias} as ${local}`} } from ${JSON.stringify(from)};`;
  });
  const roots = [...m.free].filter((n) => ROOTS.has(n)).sort();
  if (roots.length) lines.push(`import type { ${roots.join(", ")} } from "../schema.js";`);
  if (inOps) lines.push(`import type { OperationEntry } from "../../vendor/wire/operation.js";`);
  const used = [...helpers].filter(([name]) => m.free.has(name)).map(([, text]) => text);
  return (
    header(model.provider) +
    `// Why: ${inOps ? "neighbouring operations' types and constants (operation-groups.ts)" : "one component's type"}, importing only what ${inOps ? "they refer" : "it refers"} to (the per-operation layout).\n` +
    lines.join("\n") +
    (lines.length ? "\n" : "") +
    "\n" +
    (used.length ? used.join("\n") + "\n\n" : "") +
    m.body
  );
}

/** `components["section"]["name"]` as its two keys, or undefined. */
function componentRef(node: ts.Node): { section: string; name: string } | undefined {
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
  const root = node.objectType.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components")
    return undefined;
  const section = literalText(node.objectType.indexType);
  const name = literalText(node.indexType);
  return section !== undefined && name !== undefined ? { section, name } : undefined;
}

const literalText = (node: ts.TypeNode): string | undefined =>
  ts.isLiteralTypeNode(node) && (ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal))
    ? node.literal.text
    : undefined;

/** The property signatures of a type literal (or an interface), by their key's text. */
function members(node: ts.Node | undefined): [string, ts.PropertySignature][] {
  const list = node && (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) ? node.members : [];
  const out: [string, ts.PropertySignature][] = [];
  for (const m of list) {
    const key = ts.isPropertySignature(m) ? memberKey(m) : undefined;
    if (key !== undefined) out.push([key, m as ts.PropertySignature]);
  }
  return out;
}

/** A property's key as text (`schemas`, `"microsoft.graph.user"`, `400`), or undefined for a computed one. */
const memberKey = ({ name }: ts.PropertySignature): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;

/** The JSDoc openapi-typescript attached to a member (`@description …`), to keep above the module's declaration. */
function leadingDocs(member: ts.Node): string {
  const comments = ts.getSyntheticLeadingComments(member) ?? [];
  return comments
    .filter((c) => c.kind === ts.SyntaxKind.MultiLineCommentTrivia)
    .map((c) => `/*${c.text}*/\n`)
    .join("");
}

/** A helper's declaration without its `export`. */
function withoutExport(node: ts.TypeAliasDeclaration): ts.TypeAliasDeclaration {
  return ts.factory.updateTypeAliasDeclaration(
    node,
    node.modifiers?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword),
    node.name,
    node.typeParameters,
    node.type,
  );
}

/** `base`, with `$` added until no name in `taken` is it. */
function unique(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  while (taken.has(name)) name += "$";
  return name;
}
