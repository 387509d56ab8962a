// Cold-import budget: what `import "@agentruns/duvo"` makes Node load (every module statically reachable, as esbuild
// resolves them for Node, and their bytes), deterministic where a timing is not. 55 modules and 169,515 bytes, which
// Node imports in about 35 ms on this 2-core machine (`pnpm bench` times it against an empty `node`; the target is
// 50 ms). Neither the MCP tools (`@agentruns/duvo/tools`) nor the Node transport (`@agentruns/core/undici`) is among
// them.
import path from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";

const MODULES = 64;
const BYTES = 200_000;

it(`import "@agentruns/duvo" loads at most ${MODULES} modules and ${BYTES} bytes`, async () => {
  const result = await build({
    stdin: { contents: 'import "@agentruns/duvo";', resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    treeShaking: false,
    logLevel: "error",
  });
  const inputs = Object.entries(result.metafile.inputs);
  const bytes = inputs.reduce((n, [, input]) => n + input.bytes, 0);
  console.log(`import "@agentruns/duvo": ${inputs.length} modules, ${bytes} bytes`);
  expect(inputs.length).toBeLessThanOrEqual(MODULES);
  expect(bytes).toBeLessThanOrEqual(BYTES);
  const files = inputs.map(([file]) => file.split(path.sep).join("/"));
  expect(files.filter((f) => /generated\/tools\.js$|\/undici\.js$|node_modules\/.*undici/.test(f))).toEqual(
    [],
  );
});
