// The README's "Add a provider", followed literally in a clean clone with three real specs of different shapes, as
// published and untuned: Hugging Face TGI (OpenAPI 3, no servers, no auth, event streams), ElevenLabs (built by
// FastAPI, its key a header parameter of every operation, declared with keyParameter) and Docker Engine's official
// swagger.yaml (Swagger 2.0, basePath /v1.37, 106 operations, YAML the strict parser refuses): one spec file and one
// providers.ts entry each, `pnpm generate`; every new package then passes what `pnpm test` runs for
// it (spec lint, drift check, formatting, type-check, publishing lint, tests), the tests of the scripts, MCP and CLI
// packages that loop over providers.ts take the newcomers with budgets derived from their size, and a second
// `pnpm generate` changes nothing. The specs come from the npm registry, pinned and cached.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cloneWorkspace, startCaptureServer } from "@agentruns/testkit";
import {
  directoryTarball,
  extractSpecs,
  pinnedMember,
  type PinnedPackage,
} from "../../internal/spec-corpus/src/directory/source.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers as listed } from "../providers.js";
import { clientName } from "../src/methods.js";

const exec = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cache = path.join(repo, "internal/spec-corpus/.cache");
let clone: string;

/** Docker Engine's official swagger.yaml (API 1.37), as the docker-engine package ships it. */
const DOCKER_ENGINE: PinnedPackage = {
  name: "docker-engine",
  version: "0.6.0",
  integrity:
    "sha512-8PMYgnwImkEnyYTAWsDhDazKpoDhiWHyH5d4CwhdbPfyNCT6d7FheCLBTeihYELCQFc/09KxEmIqbsD3P0oGTQ==",
};

/** The three providers added: their spec file where it comes from, and their providers.ts entry. */
async function added() {
  const directory = await directoryTarball(path.join(cache, "directory"));
  const eleven = { id: "elevenlabs.io", member: "package/api/elevenlabs.io.json", bytes: 0 };
  const fromDirectory = await extractSpecs(directory, [eleven], path.join(cache, "directory", "specs"));
  return [
    {
      from: path.join(repo, "internal/spec-corpus/specs/text-generation-inference.json"),
      entry: { id: "tgi", title: "TGI", spec: "specs/tgi.openapi.json" },
    },
    {
      from: fromDirectory.get(eleven.id)!,
      entry: {
        id: "elevenlabs",
        title: "ElevenLabs",
        spec: "specs/elevenlabs.openapi.json",
        keyParameter: { in: "header", name: "xi-api-key" },
      },
    },
    {
      from: await pinnedMember(
        path.join(cache, "swagger2"),
        DOCKER_ENGINE,
        "package/src/swagger/v1.37/swagger.yaml",
      ),
      entry: { id: "docker", title: "Docker Engine", spec: "specs/docker.swagger.yaml" },
    },
  ];
}

const env = {
  ...process.env,
  CI: "true",
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  NO_UPDATE_NOTIFIER: "1",
};
const sh = (cmd: string, args: string[]) =>
  exec(cmd, args, { cwd: clone, env, maxBuffer: 64 * 1024 * 1024 }).catch((e) => {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
  });

/**
 * The three are in providers.ts already only in the clone `pnpm test:add-provider` runs the whole suite in: there this
 * test is the one running it, and adding them again is not a step of the README.
 */
const inOwnClone = ["tgi", "elevenlabs", "docker"].every((id) => listed.some((p) => p.id === id));

beforeAll(async () => {
  if (inOwnClone) return;
  const tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-add-"));
  clone = await cloneWorkspace(repo, path.join(tmp, "repo"), ["core"]);
}, 180_000);
afterAll(async () => {
  if (clone) await rm(path.dirname(clone), { recursive: true, force: true });
});

/** `pnpm test:add-provider`: after the scoped checks, the clone's whole `pnpm test`. */
const FULL = !!process.env.AGENTRUNS_FULL_TEST;

describe.skipIf(inOwnClone)("Add a provider (README)", { timeout: FULL ? 5_400_000 : 900_000 }, () => {
  it("spec + providers entry + pnpm generate → both packages pass the whole pnpm test scope", async () => {
    const providersToAdd = await added();
    for (const { from, entry } of providersToAdd) await copyFile(from, path.join(clone, entry.spec));
    const providers = path.join(clone, "scripts/providers.ts");
    const text = await readFile(providers, "utf8");
    const entries = providersToAdd.map(({ entry }) => `  ${JSON.stringify(entry)},\n`).join("");
    await writeFile(providers, text.replace(/\n\];\s*$/, `\n${entries}];\n`));
    await sh("pnpm", ["exec", "prettier", "--write", "scripts/providers.ts"]); // as an editor would format it
    const ids = providersToAdd.map(({ entry }) => entry.id);
    // README step 3: `pnpm generate` alone (it links the new packages into the workspace itself).
    const generated = await sh("pnpm", ["generate"]);
    // Each newcomer's first release is a minor, 0.1.0 like every other package's first version.
    for (const id of ids)
      expect(await readFile(path.join(clone, `.changeset/add-${id}.md`), "utf8")).toMatch(
        new RegExp(`"@agentruns/${id}-openapi": minor\n"@agentruns/${id}": minor`),
      );
    for (const { entry } of providersToAdd) {
      expect(generated.stdout).toContain(`packages/${entry.id}-openapi: created from ${entry.spec}`);
      expect(generated.stdout).toContain(`packages/${entry.id}: created from ${entry.spec}`);
    }
    const pkg = JSON.parse(await readFile(path.join(clone, "packages/docker-openapi/package.json"), "utf8"));
    expect(pkg.name).toBe("@agentruns/docker-openapi");
    // What `pnpm test` runs, for the new packages: the spec lint (third-party rules), the drift check, formatting,
    // and each package's type-check, publishing lint and tests (the generated smoke tests among them: Docker's sends
    // to /v1.37 under the base URL, ElevenLabs' its key as xi-api-key).
    await sh("pnpm", ["lint:specs", ...ids]);
    const check = await sh("pnpm", ["generate:check"]);
    const dirs = ids.flatMap((id) => [`packages/${id}-openapi`, `packages/${id}`]);
    for (const dir of [...dirs, "packages/mcp", "packages/cli", "scripts"])
      expect(check.stdout).toContain(`${dir}: up to date`);
    await sh("pnpm", ["exec", "prettier", "--check", ...dirs, "scripts"]);
    const scope = ids.flatMap((id) => [
      "--filter",
      `@agentruns/${id}-openapi`,
      "--filter",
      `@agentruns/${id}`,
    ]);
    await sh("pnpm", ["turbo", "run", "build", "typecheck", "lint:package", "test", ...scope]);
    // Called as a user calls them, over loopback: Docker's client sends under its basePath, ElevenLabs' its key from
    // ELEVENLABS_API_KEY as the declared header, and no method of ElevenLabs takes the key as a parameter.
    const tools = ["@agentruns/mcp", "@agentruns/cli", "@agentruns/simulators"];
    await sh("pnpm", ["turbo", "run", "build", ...tools.flatMap((t) => ["--filter", t])]);
    const capture = await startCaptureServer();
    try {
      const probe = path.join(clone, "packages/mcp/.probe.mjs");
      await writeFile(
        probe,
        `import { ${clientName("Docker Engine")} } from "@agentruns/docker";
import { ${clientName("ElevenLabs")} } from "@agentruns/elevenlabs";
const base = process.argv[2];
await new ${clientName("Docker Engine")}({ baseUrl: base, env: {} }).system.info();
await new ${clientName("ElevenLabs")}({ baseUrl: base, env: { ELEVENLABS_API_KEY: "xi-key-1234" } }).user.get();
`,
      );
      await exec(process.execPath, [probe, capture.url], { cwd: path.dirname(probe), env });
      expect(capture.requests.map((r) => [r.method, r.pathname])).toEqual([
        ["GET", "/v1.37/info"],
        ["GET", "/v1/user"],
      ]);
      expect(capture.requests[1]!.headers["xi-api-key"]).toBe("xi-key-1234");
      // `agentruns api` sends a header parameter with --header, and keeps a credential-named value out of what it
      // writes on stderr (its --verbose log, the error that quotes the server's answer), as it does a configured key.
      capture.respondWith({ status: 400, body: { message: "no access with registry-secret-42" } });
      const cli = await exec(
        process.execPath,
        [
          path.join(clone, "packages/cli/bin/agentruns.js"),
          "--verbose",
          "api",
          "docker",
          "POST",
          "/images/create?fromImage=alpine",
          "--header",
          "x-registry-auth=registry-secret-42",
          "--base-url",
          capture.url,
        ],
        { cwd: clone, env },
      ).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(cli?.code).toBe(1);
      expect(cli?.stderr).toMatch(/400 POST/);
      expect(cli?.stderr).not.toContain("registry-secret-42");
      expect(capture.requests[2]).toMatchObject({ method: "POST", pathname: "/v1.37/images/create" });
      expect(capture.requests[2]!.headers["x-registry-auth"]).toBe("registry-secret-42");
      const api = await readFile(path.join(clone, "packages/elevenlabs/api.md"), "utf8");
      expect(api).not.toMatch(/xiApiKey|xi-api-key/i);
      // Named as people write them (#36 item 4), from NounVerb, FastAPI and REST shapes alike; no optional body
      // before a required parameter.
      const docker = await readFile(path.join(clone, "packages/docker/api.md"), "utf8");
      const names = (md: string) => [...md.matchAll(/^### `client\.([\w.]+)\(\)`/gm)].map((m) => m[1]);
      expect(names(docker)).toEqual(
        expect.arrayContaining([
          "containers.list",
          "containers.inspect",
          "system.info",
          "swarm.inspect",
          "plugins.pull",
        ]),
      );
      expect(docker).toMatch(/pull\(params: \w+, body\?:/);
      expect(names(api)).toEqual(
        expect.arrayContaining(["history.delete", "history.deleteItems", "voices.samples.delete"]),
      );
    } finally {
      await capture.close();
    }
    // The tests that loop over providers.ts take the newcomers, with budgets derived from their size.
    const vitestIn = (dir: string, ...args: string[]) =>
      exec("pnpm", ["exec", "vitest", "run", ...args], {
        cwd: path.join(clone, dir),
        env,
        maxBuffer: 64 << 20,
      }).catch((e) => {
        throw new Error(`vitest ${args.join(" ")} in ${dir} failed:\n${e.stdout}\n${e.stderr}`);
      });
    const vitest = (...args: string[]) => vitestIn("scripts", ...args);
    await vitest(
      "test/type-budget.test.ts",
      "test/bundle-size.test.ts",
      "test/api-reference.test.ts",
      "-t",
      ids.join("|"),
    );
    // The drift test that lists providers.ts (the others edit one of the three providers' files; "passes on the
    // committed output" is the generate:check above, and "is deterministic" the second run below).
    await vitest("test/drift.test.ts", "-t", "unknown provider");
    // The MCP server's and the CLI's tests that take every provider: the seeds' tools unchanged beside Docker's 102
    // operations (behind the dynamic tools), every provider's \`api\` command, \`agentruns config\`.
    await vitestIn("packages/mcp", "test/stdio.test.ts", "test/serving.test.ts", "test/tools.test.ts");
    await vitestIn("packages/cli", "test/api.test.ts", "test/config.test.ts");
    // A second run changes nothing: no byte of the tree as the first left it (committed here, so that the new
    // packages' files count too), and no new file.
    await sh("git", ["add", "-A"]);
    await sh("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "added"]);
    await sh("pnpm", ["generate"]);
    expect((await sh("git", ["status", "--porcelain"])).stdout).toBe("");
    if (!FULL) return;
    // `pnpm test:add-provider`: the whole `pnpm test` of the clone with the three added, as a user would run it next
    // (too long for the default suite; its last result is docs/add-provider.md). The inner run's own add-provider
    // test is the scoped one: the variable is not passed on.
    const inner: NodeJS.ProcessEnv = { ...env };
    delete inner.AGENTRUNS_FULL_TEST;
    const started = performance.now();
    const full = await exec("pnpm", ["test"], { cwd: clone, env: inner, maxBuffer: 256 << 20 }).catch((e) => {
      throw new Error(`pnpm test in the clone failed:\n${String(e.stdout).slice(-20_000)}\n${e.stderr}`);
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(full.stdout);
    expect(tasks?.[1]).toBe(tasks?.[2]);
    const commit = (await exec("git", ["rev-parse", "--short", "HEAD~1"], { cwd: clone })).stdout.trim();
    await writeFile(
      path.join(repo, "docs/add-provider.md"),
      [
        "# Add a provider, then the whole `pnpm test`",
        "",
        "Written by `pnpm test:add-provider` (scripts/test/add-provider.test.ts with `AGENTRUNS_FULL_TEST=1`); do not",
        "edit by hand. The README's three steps in a clean clone with three real specs (Hugging Face TGI; ElevenLabs,",
        "FastAPI-built, its key a header parameter; Docker Engine's Swagger 2.0 `swagger.yaml` with `basePath`), then the",
        "clone's whole `pnpm test`.",
        "",
        `- Date: ${new Date().toISOString().slice(0, 10)}`,
        `- Tree: ${commit}, plus ${ids.join(", ")}`,
        `- \`pnpm test\`: ${tasks![1]} of ${tasks![2]} Turbo tasks successful, in ${Math.floor(seconds / 60)} min ${seconds % 60} s`,
        "",
      ].join("\n"),
    );
  });
});
