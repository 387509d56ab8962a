// src/generated/functions.ts: one function per operation over the core client (`runsGet(client, …)`), each importing
// only its own operation constant, so a bundle holds only the operations it calls; with each one's Params type.
import { paramsLookups, type Method } from "../../client-methods.js";
import { Imports } from "../../imports.js";
import { signature } from "../../method-signature.js";
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { header, jsdoc } from "../header.js";
import { fromGroup } from "./per-operation.js";

export const functions: Emitter = (model) => {
  const { provider: d, client, perOperation } = model;
  // The per-operation layout already has each function in its group's module (per-operation.ts): this one gathers them,
  // so that each is written, and type-checked, once.
  if (perOperation)
    return [
      {
        path: "src/generated/functions.ts",
        text:
          header(d) +
          `// Why: every operation's function, from its group's module (src/generated/groups/, the per-operation layout).\n` +
          client.methods.map((m) => fromGroup(model, m, "./groups")).join(""),
      },
    ];
  const imports = new Imports();
  const bodies = client.methods.map((m) => {
    const typeDecl = m.params
      ? `/** Parameters of {@link ${m.fn}} (\`${m.method} ${m.path}\`). */\nexport type ${m.params.name} = ${m.params.type};\n\n`
      : "";
    imports.use(d.packageName, m.constant);
    return typeDecl + renderFunction(d, m, client.coreClass, imports);
  });
  // The Params types' lookups.
  for (const m of client.methods) {
    for (const t of paramsLookups(m.params?.type ?? "")) imports.type("@agentruns/core", t);
    if (m.params) imports.type(d.packageName, "operations");
  }
  imports.type("./core.js", client.coreClass);
  return [
    {
      path: "src/generated/functions.ts",
      text:
        header(d) +
        `// Why: one function per operation, so a bundle holds only the operations it calls (\`${client.methods[0]?.fn ?? "fn"}(client, …)\`).\n` +
        imports.render() +
        "\n" +
        bodies.join("\n"),
    },
  ];
};

function renderFunction(d: ProviderDescriptor, m: Method, core: string, imp: Imports): string {
  const { args, returns, call } = signature(d, m, imp);
  const list = [`client: ${core}`, ...args.map(([, a]) => a)].join(", ");
  return `${jsdoc(m.doc)}export function ${m.fn}(${list}): ${returns} {\n  return ${call};\n}\n`;
}
