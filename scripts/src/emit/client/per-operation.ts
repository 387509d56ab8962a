// The ergonomic package's per-operation entry points (model.perOperation): `@agentruns/<id>/fn/<function>`, each a
// re-export from its group's module (`src/generated/groups/`, neighbouring operations: operation-groups.ts) over the
// typed package's `ops/` and `types/` modules, and `@agentruns/<id>/fn`, a core client that names no operation type.
// A file calling three operations of Microsoft Graph then type-checks their groups' types only, not the whole API's
// (docs/large-specs.md).
import { paramsLookups, paramsType, type Method } from "../../client-methods.js";
import { Imports } from "../../imports.js";
import { signature } from "../../method-signature.js";
import type { ProviderModel } from "../../model.js";
import type { Emitter } from "../emitter.js";
import { header, jsdoc } from "../header.js";
import { coreImports, definition, optionsInterface } from "./core-class.js";

/** The core client of the per-operation entry points: `<Core>Lite` (`GraphCoreLite`). */
export const liteClass = (model: ProviderModel): string => `${model.client.coreClass}Lite`;

export const perOperation: Emitter = (model) => {
  if (!model.perOperation) return [];
  const { provider: d, client } = model;
  const lite = liteClass(model);
  const first = client.methods[0];
  const core = {
    path: "src/generated/fn-core.ts",
    text:
      header(d) +
      `// Why: the client the per-operation entry points take (\`@agentruns/${d.id}/fn/<function>\`); it names no\n` +
      `// operation's type, so constructing it loads none of the spec's types.\n` +
      `import { ${coreImports(client)} } from "@agentruns/core";\n` +
      `import { provider, type Credentials } from "${d.packageName}/provider";\n\n` +
      optionsInterface(d, client) +
      `/**\n * Calls by the per-operation functions${first ? ` (\`import { ${first.fn} } from "@agentruns/${d.id}/fn/${model.perOperation.fns.get(first.fn)}"\`)` : ""}.\n` +
      ` * Any ${d.title} client is accepted where this one is: \`${client.coreClass}\` and the full client too.\n */\n` +
      `export class ${lite} extends BaseClient<any> {\n` +
      `  constructor(options: ${client.optionsType} = {}) {\n` +
      `    super(${definition(d, client)}, { ...options });\n  }\n}\n`,
  };
  const byOperation = new Map(client.methods.map((m) => [m.operationId, m]));
  const groups = [...model.perOperation.groups].map(([file, ids]) =>
    groupModule(
      model,
      file,
      ids.flatMap((id) => byOperation.get(id) ?? []),
      lite,
    ),
  );
  return [core, ...groups, ...client.methods.map((m) => entryPoint(model, m))];
};

/** `export { fn, type Params } from "<dir>/<group>.js"`: a function and its Params type, from its group's module. */
export function fromGroup(model: ProviderModel, m: Method, dir: string): string {
  const group = model.perOperation!.ops.get(m.operationId);
  return `export { ${m.fn}${m.params ? `, type ${m.params.name}` : ""} } from "${dir}/${group}.js";\n`;
}

/** A function's entry point, `fn/<function>`: a re-export from its group's module. */
function entryPoint(model: ProviderModel, m: Method) {
  const { provider: d, perOperation: files } = model;
  return {
    path: `src/generated/fn/${files!.fns.get(m.fn)}.ts`,
    verbatim: true,
    text:
      header(d) +
      `// Why: \`${[...m.resource, m.name].join(".")}\` as its own entry point.\n` +
      fromGroup(model, m, "../groups"),
  };
}

/**
 * A group's module: each operation's Params type and function, typed by the typed package's module of the same
 * group (each operation's type is named for its constant) and the component modules they use.
 */
function groupModule(model: ProviderModel, file: string, methods: readonly Method[], lite: string) {
  const { provider: d, perOperation: files } = model;
  const imports = new Imports();
  const opModule = `${d.packageName}/ops/${file}`;
  const bodies = methods.map((m) => {
    const op = imports.use(opModule, m.constant);
    const { args, returns, call } = signature(d, m, imports, {
      op,
      named: (alias) => imports.type(`${d.packageName}/types/${files!.types.get(alias)}`, alias),
      // The client names no operation's type; the call sees it as a client of this one operation, so the call is
      // checked against the operation's types as the package's own functions are.
      client: `(client as ${imports.type("@agentruns/core", "BaseClient")}<{ ${JSON.stringify(m.operationId)}: ${op} }>)`,
    });
    const params = m.params ? paramsType(m, op)! : undefined;
    for (const t of paramsLookups(params ?? "")) imports.type("@agentruns/core", t);
    const list = [`client: ${lite}`, ...args.map(([, a]) => a)].join(", ");
    return (
      (params
        ? `/** Parameters of {@link ${m.fn}} (\`${m.method} ${m.path}\`). */\nexport type ${m.params!.name} = ${params};\n\n`
        : "") + `${jsdoc(m.doc)}export function ${m.fn}(${list}): ${returns} {\n  return ${call};\n}\n`
    );
  });
  imports.type("../fn-core.js", lite);
  return {
    path: `src/generated/groups/${file}.ts`,
    // Thousands of modules: prettier would be most of the generator's time (generated directories are not checked).
    verbatim: true,
    text:
      header(d) +
      `// Why: the functions of neighbouring operations (operation-groups.ts), each also its own entry point (fn/).\n` +
      imports.render() +
      "\n" +
      bodies.join("\n"),
  };
}
