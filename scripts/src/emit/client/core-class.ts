// src/generated/core.ts: the client the functions take (`DuvoCore`) and its options; it holds no operation table and
// no openapi-fetch client, so it costs nothing per operation. Stream readers only for a spec that streams.
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

const q = JSON.stringify;

export const coreClass: Emitter = ({ provider: d, client }) => {
  const { name: T, coreClass: core, optionsType, streams } = client;
  const fn = client.methods[0]?.fn ?? "fn";
  return [
    {
      path: "src/generated/core.ts",
      text:
        header(d) +
        `// Why: the ${d.title} client the functions take; it holds no operation table and no openapi-fetch client, so it\n` +
        `// costs nothing per operation.\n` +
        `import { BaseClient${streams.sse ? ", eventStream" : ""}${streams.lines ? ", jsonLinesStream" : ""}, type ClientOptions, type ProviderDefinition } from "@agentruns/core";\n` +
        `import { provider, type Credentials, type operations } from "${d.packageName}";\n\n` +
        `/** Options of the ${d.title} clients: the shared ones and the credentials the spec defines. */\n` +
        `export interface ${optionsType} extends ClientOptions, Credentials {}\n\n` +
        `/** Calls by the tree-shakeable functions (\`${fn}(client, …)\`); the full client is {@link ${client.clientClass}}. */\n` +
        `export class ${core} extends BaseClient<operations> {\n` +
        `  /** @param full every operation by id, for calls by name: the full client passes it. */\n` +
        `  constructor(options: ${optionsType} = {}, full?: Pick<ProviderDefinition<operations>, "operationTable">) {\n` +
        `    super({ title: ${q(d.title)}${T === d.title ? "" : `, className: ${q(T)}`}, provider, idempotent: ${q(client.idempotent)}${streams.sse ? ", stream: eventStream" : ""}${streams.lines ? ", lines: jsonLinesStream" : ""}, ...full }, { ...options });\n  }\n}\n`,
    },
  ];
};
