// src/generated/core.ts: the client the functions take (`DuvoCore`) and its options; it holds no operation table and
// no openapi-fetch client, so it costs nothing per operation. Stream readers only for a spec that streams.
import type { ClientModel } from "../../client-model.js";
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

const q = JSON.stringify;

export const coreClass: Emitter = ({ provider: d, client }) => {
  const { coreClass: core, optionsType } = client;
  const fn = client.methods[0]?.fn ?? "fn";
  return [
    {
      path: "src/generated/core.ts",
      text:
        header(d) +
        `// Why: the ${d.title} client the functions take; it holds no operation table and no openapi-fetch client, so it\n` +
        `// costs nothing per operation.\n` +
        `import { ${coreImports(client)}, type ProviderDefinition } from "@agentruns/core";\n` +
        `import { provider, type Credentials, type operations } from "${d.packageName}";\n\n` +
        optionsInterface(d, client) +
        `/** Calls by the tree-shakeable functions (\`${fn}(client, …)\`); the full client is {@link ${client.clientClass}}. */\n` +
        `export class ${core} extends BaseClient<operations> {\n` +
        `  /** @param full every operation by id, for calls by name: the full client passes it. */\n` +
        `  constructor(options: ${optionsType} = {}, full?: Pick<ProviderDefinition<operations>, "operationTable">) {\n` +
        `    super(${definition(d, client, ", ...full")}, { ...options });\n  }\n}\n`,
    },
  ];
};

/** What the core classes import from @agentruns/core: the base class, the spec's stream readers, the options. */
export const coreImports = ({ streams }: ClientModel): string =>
  `BaseClient${streams.sse ? ", eventStream" : ""}${streams.lines ? ", jsonLinesStream" : ""}, type ClientOptions`;

/** The options interface of the provider's clients. */
export const optionsInterface = (d: ProviderDescriptor, { optionsType }: ClientModel): string =>
  `/** Options of the ${d.title} clients: the shared ones and the credentials the spec defines. */\n` +
  `export interface ${optionsType} extends ClientOptions, Credentials {}\n\n`;

/** The provider definition a core class passes to BaseClient: title, facts, retry rule, stream readers. */
export const definition = (d: ProviderDescriptor, client: ClientModel, rest = ""): string => {
  const { name: T, idempotent, streams } = client;
  return `{ title: ${q(d.title)}${T === d.title ? "" : `, className: ${q(T)}`}, provider, idempotent: ${q(idempotent)}${streams.sse ? ", stream: eventStream" : ""}${streams.lines ? ", lines: jsonLinesStream" : ""}${rest} }`;
};
