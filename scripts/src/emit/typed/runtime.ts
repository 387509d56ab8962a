// The typed package's hand-written runtime: the templates (entry, openapi-fetch client, credentials) and the core's
// wire module vendored file by file, so the package depends on openapi-fetch alone and the rules exist once.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ProviderDescriptor } from "../../provider.js";
import { TEMPLATES, WIRE } from "../../repo-paths.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const runtime: Emitter = async ({ provider: d }, options) => [
  { path: "src/index.ts", text: await renderTemplate(d, "index.ts") },
  { path: "src/client.ts", text: await renderTemplate(d, "client.ts") },
  { path: "src/auth.ts", text: await renderTemplate(d, "auth.ts") },
  { path: "src/request.ts", text: await renderTemplate(d, "request.ts") },
  ...(await renderWire()).map(([file, text]) => ({ path: file, text })),
  ...(options.workspace
    ? [{ path: "test/smoke.generated.test.ts", text: await renderTemplate(d, "smoke.test.ts") }]
    : []),
];

/**
 * The core's wire module, file by file, byte for byte under a header: one implementation of the credential and
 * operation-table rules, which the typed package carries so that it depends on openapi-fetch alone.
 */
async function renderWire(): Promise<[string, string][]> {
  const names = (await readdir(WIRE)).filter((f) => f.endsWith(".ts")).sort();
  return Promise.all(
    names.map(async (name): Promise<[string, string]> => [
      `src/vendor/wire/${name}`,
      `// Vendored by scripts/generate.ts from packages/core/src/wire/${name}, the one implementation of the wire rules.\n` +
        `// Do not edit by hand: change packages/core/src/wire/ and run \`pnpm generate\`.\n` +
        (await readFile(path.join(WIRE, name), "utf8")),
    ]),
  );
}

async function renderTemplate(d: ProviderDescriptor, name: string): Promise<string> {
  const text = await readFile(path.join(TEMPLATES, name), "utf8");
  return header(d, ` and scripts/templates/${name}`) + text;
}
