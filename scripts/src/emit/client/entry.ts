// src/generated/index.ts: the generated surface in one module (the package's own entry re-exports it): the clients,
// functions and resources, the spec's types that no generated name takes, and the core's errors and types.
import { REEXPORTED_TYPES } from "../../core-exports.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const entry: Emitter = ({ provider: d, client }) => [
  {
    path: "src/generated/index.ts",
    text:
      header(d) +
      `// Why: the generated surface in one module; the package entry (../index.ts, yours) re-exports it.\n` +
      `export { ${client.coreClass}, type ${client.optionsType} } from "./core.js";\n` +
      `export * from "./functions.js";\n` +
      `export * from "./client.js";\n` +
      `export type {\n  paths,\n  components,\n  operations,\n  Credentials,\n  ServerVariables,\n  ApiClient,\n  TokenProvider,\n` +
      client.exported.map((a) => `  ${a},\n`).join("") +
      `} from "${d.packageName}";\n` +
      `export * from "@agentruns/core/errors";\n` +
      `export type { ${REEXPORTED_TYPES.join(", ")} } from "@agentruns/core";\n`,
  },
];
