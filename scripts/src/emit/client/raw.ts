// src/generated/raw.ts: `raw(client)`, the typed openapi-fetch client sending as the client does, from its own
// subpath (`@agentruns/<id>/raw`) so that only code that uses it bundles openapi-fetch.
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const raw: Emitter = ({ provider: d, client }) => [
  {
    path: "src/generated/raw.ts",
    text:
      header(d) +
      `// Why: \`raw(client)\`, the typed openapi-fetch client sending as \`client\` does, for what the methods do not\n` +
      `// cover; a subpath (\`@agentruns/${d.id}/raw\`), so only the code that uses it bundles openapi-fetch.\n` +
      `import { rawClient, type BaseClient } from "@agentruns/core";\n` +
      `import { createClient, type ApiClient, type operations } from "${d.packageName}";\n\n` +
      `const made = new WeakMap<BaseClient<operations>, ApiClient>();\n\n` +
      `/**\n * The typed openapi-fetch client of \`client\` (a ${client.name} or ${client.coreClass}), sending as it does: its credentials, base URL,\n` +
      ` * headers, transport and redirect guard; one per client, made on first use.\n */\n` +
      `export function raw(client: BaseClient<operations>): ApiClient {\n` +
      `  let api = made.get(client);\n` +
      `  if (!api) made.set(client, (api = rawClient(client, createClient)));\n` +
      `  return api;\n}\n`,
  },
];
