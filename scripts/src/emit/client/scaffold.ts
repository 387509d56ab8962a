// The files of a new ergonomic package `packages/<id>` that are written once and then belong to the maintainer
// (package.json, configs, README, the entry point): emitted only where missing.
import { smokeCall, type ExampleCall } from "../../example-call.js";
import type { ProviderModel } from "../../model.js";
import { construction } from "../construction.js";
import { liteClass } from "./per-operation.js";
import { BUILD_TSCONFIG, dual, generateTask, tsconfig, VERSIONS, VITEST_CONFIG } from "../package-config.js";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Written only when missing: after the first `pnpm generate` they are yours (the generator never touches them). */
export function scaffoldClient(model: ProviderModel, version = "0.0.0"): Map<string, string> {
  const { provider: d, client } = model;
  const T = client.name;
  const name = `@agentruns/${d.id}`;
  return new Map([
    [
      "package.json",
      json({
        name,
        version,
        description: `Typed TypeScript client for the ${d.title} API: resources, pagination, retries that never duplicate work, typed errors.`,
        keywords: ["agentruns", d.id, "openapi", "sdk", "typescript"],
        license: "MIT",
        repository: {
          type: "git",
          url: "git+https://github.com/agentruns/agentruns.git",
          directory: `packages/${d.id}`,
        },
        type: "module",
        sideEffects: false,
        engines: { node: ">=18" },
        main: "./dist/cjs/index.js",
        module: "./dist/index.js",
        types: "./dist/cjs/index.d.ts",
        // The MCP tools (`@agentruns/mcp` reads them) are a subpath: the client's bundles hold none of them.
        // So is the typed openapi-fetch client (`raw(client)`), which alone brings openapi-fetch.
        // A very large API also has one entry point per operation (`fn/<function>`) and their core (`fn`).
        typesVersions: {
          "*": {
            tools: ["./dist/cjs/generated/tools.d.ts"],
            raw: ["./dist/cjs/generated/raw.d.ts"],
            ...(model.perOperation
              ? { fn: ["./dist/cjs/generated/fn-core.d.ts"], "fn/*": ["./dist/cjs/generated/fn/*.d.ts"] }
              : {}),
          },
        },
        exports: {
          ".": dual("index"),
          "./tools": dual("generated/tools"),
          "./raw": dual("generated/raw"),
          ...(model.perOperation
            ? { "./fn": dual("generated/fn-core"), "./fn/*": dual("generated/fn/*") }
            : {}),
          "./package.json": "./package.json",
        },
        files: ["dist", "README.md", "api.md"],
        scripts: {
          generate: `node ../../scripts/run.mjs generate --package client ${d.id}`,
          build: "node ../../scripts/build-package.mjs",
          typecheck: "tsc -p tsconfig.json --noEmit",
          test: "vitest run",
          "lint:package": "publint --strict && attw --pack .",
        },
        dependencies: { "@agentruns/core": "workspace:^", [d.packageName]: "workspace:^" },
        devDependencies: {
          "@agentruns/testkit": "workspace:*",
          "@types/node": VERSIONS.typesNode,
          typescript: VERSIONS.typescript,
          vitest: VERSIONS.vitest,
        },
        publishConfig: { access: "public" },
      }),
    ],
    [
      "tsconfig.json",
      tsconfig({ compilerOptions: { noEmit: true, types: ["node"] }, include: ["src", "test"] }),
    ],
    ["tsconfig.build.json", BUILD_TSCONFIG],
    ["vitest.config.ts", VITEST_CONFIG],
    [
      "turbo.json",
      json({
        $schema: "https://turborepo.com/schema.json",
        extends: ["//"],
        tasks: {
          generate: generateTask(d, "client"),
          build: { dependsOn: ["@agentruns/core#build", `${d.packageName}#build`] },
        },
      }),
    ],
    [
      "src/index.ts",
      `// Entry point of ${name}: the generated client and types (src/generated/, never edited by hand) and your\n` +
        `// extras (src/extras/: helpers the spec cannot express). Yours: the generator wrote it once and leaves it alone.\n` +
        `export * from "./generated/index.js";\n` +
        `export { ${T}Client as ${T} } from "./generated/index.js";\n`,
    ],
    ["README.md", readme(model, name)],
  ]);
}

/** The package's README: what it is, how to construct it for this spec, one real call, its resources and methods. */
function readme(model: ProviderModel, name: string): string {
  const { provider: d, client, operations, doc } = model;
  const T = client.name;
  const call = smokeCall(client.methods, operations, doc);
  const method =
    call && client.methods.find((m) => call.expr.startsWith(`client.${[...m.resource, m.name].join(".")}(`));
  const example = !call
    ? `// Every operation is a method of its resource: client.<resource>.<method>(…), listed below.`
    : method?.pagination
      ? `// One page; \`for await (const item of ${call.expr})\` walks every item of every page.\n` +
        `const page = await ${call.expr};\nconsole.log(page.data, page.hasNextPage());`
      : `console.log(await ${call.expr});`;
  const MAX = 40;
  const resources = client.resources
    .filter((r) => r.methods.length)
    .map((r) => `- \`client.${r.key}\`: ${r.methods.map((m) => `\`${m.name}\``).join(", ")}`);
  return (
    `# ${name}\n\nTyped TypeScript client for the ${d.title} API, generated from \`${d.specPath}\` over ` +
    `[\`${d.packageName}\`](../${d.id}-openapi) and [\`@agentruns/core\`](../core): one method per operation, ` +
    `grouped into resources, with auto-pagination, retries that never repeat a create, time-outs and typed errors.\n\n` +
    "```ts\n" +
    `import { ${T} } from "${name}";\n\n${construction(d, (o) => `new ${T}(${o})`)}\n${example}\n` +
    "```\n\n" +
    `Every operation is also a function that takes a \`${T}Core\` (\`import { ${T}Core, … } from "${name}"\`): a bundle ` +
    `then holds only the operations it calls.\n\n` +
    perOperationSection(model, name, call) +
    `## Resources and methods\n\n${resources.slice(0, MAX).join("\n")}${resources.length > MAX ? `\n- … ${resources.length - MAX} more` : ""}\n\n` +
    `Every method with its signature, parameters and an example: [api.md](./api.md).\n\n` +
    "## Layout\n\n" +
    "- `src/generated/` and `api.md`: written by `pnpm generate` from the spec; never edit them.\n" +
    "- `src/extras/`: your hand-written additions (helpers the spec cannot express); export them from `src/index.ts`.\n" +
    "- `src/index.ts`, `package.json`, this README: written once by the generator, yours afterwards.\n"
  );
}

/** The README's section on the per-operation entry points, for a spec that has them (model.perOperation). */
function perOperationSection(model: ProviderModel, name: string, call: ExampleCall | undefined): string {
  if (!model.perOperation || !call) return "";
  const { provider: d } = model;
  const lite = liteClass(model);
  return (
    `## Per-operation entry points\n\n` +
    `The ${d.title} API is large (${model.client.methods.length.toLocaleString("en-US")} operations), and the package's entry ` +
    `holds every one of its types. A file that calls a few operations type-checks only theirs when it imports each ` +
    `function from its own entry point, with the core client from \`${name}/fn\` (any ${d.title} client is accepted):\n\n` +
    "```ts\n" +
    `import { ${lite} } from "${name}/fn";\n` +
    `import { ${call.fn} } from "${name}/fn/${model.perOperation.fns.get(call.fn)}";\n\n` +
    `${construction(d, (o) => `new ${lite}(${o})`)}\n` +
    `console.log(await ${call.fn}(client${call.args ? `, ${call.args}` : ""}));\n` +
    "```\n\n"
  );
}
