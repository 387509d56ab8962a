// The ergonomic package's per-operation entry points (model.perOperation): `@agentruns/<id>/fn/<function>`, one
// function per module over the typed package's `ops/` and `types/` modules, and `@agentruns/<id>/fn`, a core client
// that names no operation type. A file calling three operations of Microsoft Graph then type-checks their types
// only, not the whole API's (docs/large-specs.md).
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
  return [core, ...client.methods.map((m) => fnModule(model, m, lite))];
};

/** One operation's module: its Params type and its function, typed by its own modules of the typed package. */
function fnModule(model: ProviderModel, m: Method, lite: string) {
  const { provider: d, perOperation: files } = model;
  const imports = new Imports();
  const opModule = `${d.packageName}/ops/${files!.ops.get(m.operationId)}`;
  // The operation's type under a name no other name of this module takes (a schema may be called `Operation`).
  const { result, body, item, field } = m.types;
  const names = new Set([m.fn, m.params?.name, m.constant, lite, result, body, item, field]);
  let op = "Operation";
  while (names.has(op)) op = `$${op}`;
  const { args, returns, call } = signature(d, m, imports, {
    op,
    named: (alias) => imports.type(`${d.packageName}/types/${files!.types.get(alias)}`, alias),
    // The client names no operation's type; the call sees it as a client of this one operation, so the call is
    // checked against the operation's types as the package's own functions are.
    client: `(client as ${imports.type("@agentruns/core", "BaseClient")}<{ ${JSON.stringify(m.operationId)}: ${op} }>)`,
  });
  imports.use(opModule, m.constant);
  const params = m.params ? paramsType(m, op)! : undefined;
  for (const t of paramsLookups(params ?? "")) imports.type("@agentruns/core", t);
  imports.type("../fn-core.js", lite);
  const list = [`client: ${lite}`, ...args.map(([, a]) => a)].join(", ");
  return {
    path: `src/generated/fn/${files!.fns.get(m.fn)}.ts`,
    // Thousands of modules: prettier would be most of the generator's time (generated directories are not checked).
    verbatim: true,
    text:
      header(d) +
      `// Why: \`${[...m.resource, m.name].join(".")}\` as its own entry point: importing it loads only this operation's types.\n` +
      imports.render() +
      `import type { Operation${op === "Operation" ? "" : ` as ${op}`} } from ${JSON.stringify(opModule)};\n\n` +
      (params
        ? `/** Parameters of {@link ${m.fn}} (\`${m.method} ${m.path}\`). */\nexport type ${m.params!.name} = ${params};\n\n`
        : "") +
      `${jsdoc(m.doc)}export function ${m.fn}(${list}): ${returns} {\n  return ${call};\n}\n`,
  };
}
