// Bundles the agentruns-mcp command into dist/bin.js (its dependencies inlined): a client starting the server waits
// on one file instead of ~400 modules, which halves its time to a ready stdio server (see README, "Measured").
import { build } from "esbuild";

await build({
  entryPoints: ["dist/main.js"],
  outfile: "dist/bin.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node18",
  logLevel: "warning",
  // CommonJS dependencies (ajv) call require(): the bundle gets one, from its own location.
  banner: {
    js: 'import { createRequire as __agentrunsRequire } from "node:module"; const require = __agentrunsRequire(import.meta.url);',
  },
});
