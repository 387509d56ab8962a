// The spec shipped in the typed package when its entry asks (`shipSpec`): `<pkg>/openapi.json` once, and `<pkg>/spec`,
// a loader of that file for ES modules and CommonJS (Node, Deno, Bun: the tools that validate against it).
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const specFiles: Emitter = ({ provider: d, doc }) => {
  if (!d.shipSpec) return [];
  const why = `// Why: \`${d.packageName}/spec\` loads openapi.json (the one copy of the spec); the main entry never does.\n`;
  const type =
    `/** ${d.apiTitle} ${d.apiVersion}, as vendored in ${d.specPath} (overlay and normalization applied). */\n` +
    `export declare const spec: { readonly [key: string]: unknown };\n`;
  return [
    { path: "openapi.json", verbatim: true, text: JSON.stringify(doc, null, 2) + "\n" },
    {
      path: "spec/index.mjs",
      text:
        header(d) +
        why +
        `import { createRequire } from "node:module";\n\n` +
        `export const spec = createRequire(import.meta.url)("../openapi.json");\n`,
    },
    {
      path: "spec/index.cjs",
      text: header(d) + why + `"use strict";\n\nexports.spec = require("../openapi.json");\n`,
    },
    { path: "spec/index.d.mts", text: header(d) + why + type },
    { path: "spec/index.d.cts", text: header(d) + why + type },
  ];
};
