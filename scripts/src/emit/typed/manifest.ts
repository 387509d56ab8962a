// The typed package's manifest and configs: package.json (openapi-fetch its one dependency), turbo.json (its own
// generate task), the two tsconfigs and the test config.
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter, EmitOptions } from "../emitter.js";
import { BUILD_TSCONFIG, dual, generateTask, tsconfig, VERSIONS, VITEST_CONFIG } from "../package-config.js";

export const manifest: Emitter = ({ provider: d, perOperation }, options) => [
  { path: "package.json", text: packageJson(d, options, !!perOperation) },
  { path: "turbo.json", text: turbo(d) },
  {
    path: "tsconfig.json",
    text: tsconfig({ compilerOptions: { noEmit: true, types: ["node"] }, include: ["src", "test"] }),
  },
  { path: "tsconfig.build.json", text: BUILD_TSCONFIG },
  { path: "vitest.config.ts", text: VITEST_CONFIG },
];

/** The per-operation layout's entry points (model.perOperation): the provider's facts, each group of operations, each component. */
const PER_OPERATION = {
  provider: "generated/provider",
  "ops/*": "generated/ops/*",
  "types/*": "generated/types/*",
};

function packageJson(d: ProviderDescriptor, opts: EmitOptions, perOperation: boolean): string {
  const split: Record<string, string> = perOperation ? PER_OPERATION : {};
  const extra = Object.fromEntries(Object.entries(split).map(([k, rel]) => [`./${k}`, dual(rel)]));
  // For TypeScript's node10 resolution, which ignores the exports map.
  const legacy = Object.fromEntries(Object.entries(split).map(([k, rel]) => [k, [`./dist/cjs/${rel}.d.ts`]]));
  const pkg = {
    name: d.packageName,
    version: opts.version ?? "0.0.0",
    description: `Generated TypeScript types and a typed openapi-fetch client for the ${d.title} API (${d.specPath}).`,
    keywords: ["agentruns", d.id, "openapi", "openapi-fetch", "openapi-typescript"],
    license: "MIT",
    repository: {
      type: "git",
      url: "git+https://github.com/agentruns/agentruns.git",
      directory: `packages/${d.id}-openapi`,
    },
    type: "module",
    sideEffects: false,
    engines: { node: VERSIONS.node },
    main: "./dist/cjs/index.js",
    module: "./dist/index.js",
    types: "./dist/cjs/index.d.ts",
    ...(d.shipSpec
      ? {
          typesVersions: { "*": { spec: ["./spec/index.d.cts"], ...legacy } },
          exports: {
            ".": dual("index"),
            ...extra,
            "./spec": {
              import: { types: "./spec/index.d.mts", default: "./spec/index.mjs" },
              require: { types: "./spec/index.d.cts", default: "./spec/index.cjs" },
            },
            "./openapi.json": "./openapi.json",
            "./package.json": "./package.json",
          },
          files: ["dist", "spec", "openapi.json", "README.md"],
        }
      : {
          ...(perOperation ? { typesVersions: { "*": legacy } } : {}),
          exports: { ".": dual("index"), ...extra, "./package.json": "./package.json" },
          files: ["dist", "README.md"],
        }),
    scripts: {
      generate: `node ../../scripts/run.mjs generate --package typed ${d.id}`,
      build: "node ../../scripts/build-package.mjs",
      typecheck: "tsc -p tsconfig.json --noEmit",
      "lint:package": "publint --strict && attw --pack .",
      // The type tests (test/*.test-d.ts) are checked by `typecheck` (its tsconfig includes test/); vitest's own
      // typecheck mode would run the compiler over them a second time.
      test: "vitest run",
    },
    dependencies: { "openapi-fetch": VERSIONS.openapiFetch },
    devDependencies: {
      ...(opts.workspace ? { "@agentruns/testkit": "workspace:*" } : {}),
      typescript: VERSIONS.typescript,
      vitest: VERSIONS.vitest,
    },
    publishConfig: { access: "public" },
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** Per-package Turbo config of the typed package. */
function turbo(d: ProviderDescriptor): string {
  return (
    JSON.stringify(
      {
        $schema: "https://turborepo.com/schema.json",
        extends: ["//"],
        tasks: { generate: generateTask(d, "typed") },
      },
      null,
      2,
    ) + "\n"
  );
}
