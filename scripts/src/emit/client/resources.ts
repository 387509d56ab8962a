// src/generated/client.ts: the methods grouped into resource classes (`client.runs.messages.list`), each calling its
// function, and the full client (`DuvoClient`) holding the top-level resources and the operation table.
import { Imports } from "../../imports.js";
import { signature } from "../../method-signature.js";
import type { Emitter } from "../emitter.js";
import { header, jsdoc } from "../header.js";

export const resources: Emitter = ({ provider: d, client }) => {
  const { coreClass: core, clientClass, optionsType } = client;
  const imports = new Imports();
  imports.use(d.packageName, "operationTable");
  imports.use("./core.js", core);
  imports.type("./core.js", optionsType);
  const classes = client.resources.map((r) => {
    const members = r.methods.map((m) => {
      const { args, returns } = signature(d, m, imports);
      imports.use("./functions.js", m.fn);
      if (m.params) imports.type("./functions.js", m.params.name);
      const list = args.map(([, a]) => a).join(", ");
      const names = ["this.client", ...args.map(([name]) => name)].join(", ");
      return `${jsdoc(m.doc, "  ")}  ${m.name}(${list}): ${returns} {\n    return ${m.fn}(${names});\n  }\n`;
    });
    return (
      `/** \`${r.key}\`: ${[...r.methods.map((m) => m.name), ...r.children.map((c) => c.prop)].join(", ")}. */\n` +
      `export class ${r.className} {\n` +
      r.children.map((c) => `  readonly ${c.prop}: ${c.className};\n`).join("") +
      `\n  constructor(protected readonly client: ${core}) {\n` +
      r.children.map((c) => `    this.${c.prop} = new ${c.className}(client);\n`).join("") +
      `  }\n\n` +
      members.join("\n") +
      `}\n`
    );
  });
  const first = client.methods[0];
  return [
    {
      path: "src/generated/client.ts",
      text:
        header(d) +
        `// Why: the methods grouped into resources (\`client.${first ? [...first.resource, first.name].join(".") : "resource.method"}\`); each calls its function.\n` +
        imports.render() +
        "\n" +
        classes.join("\n") +
        `\n/** The ${d.title} API: every operation as a method of its resource (the typed openapi-fetch client: \`./raw\`). */\n` +
        `export class ${clientClass} extends ${core} {\n` +
        client.topResources
          .map((r) => `  readonly ${r.key}: ${r.className} = new ${r.className}(this);\n`)
          .join("") +
        `\n  constructor(options: ${optionsType} = {}) {\n    super(options, { operationTable });\n  }\n}\n`,
    },
  ];
};
