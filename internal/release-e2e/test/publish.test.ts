// Release end to end: version every package with changesets (snapshot), publish them to a real local registry,
// install them with plain npm in a fresh project, and use them from ESM, CommonJS and TypeScript (node16 and
// bundler resolution), against the simulators.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  startAvidoSimulator,
  startDuckieSimulator,
  startDuvoSimulator,
  type Simulator,
} from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneWorkspace } from "@agentruns/testkit";
import { startRegistry, type Registry } from "./registry.js";
import { sh } from "./sh.js";
import { vendorDependencies } from "./vendor.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const bin = (name: string) => path.resolve(here, "..", "node_modules", ".bin", name);
/** Every publishable package of packages/ (not private): the three providers and any added beside them. */
const PUBLISHED = readdirSync(path.join(repo, "packages"))
  .filter((dir) => {
    const file = path.join(repo, "packages", dir, "package.json");
    return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).private !== true;
  })
  .sort();

let tmp: string;
let registry: Registry;
let app: string;
let sims: Simulator[] = [];
const versions = new Map<string, string>();
let vendored: string[] = [];
let plan = "";
let dryRun: { stdout: string; stderr: string };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-release-"));
  registry = await startRegistry(tmp);
  // Only the local registry is ever asked; no update checks, audits or funding calls.
  const npmEnv = {
    NPM_CONFIG_USERCONFIG: registry.npmrc,
    npm_config_registry: `${registry.url}/`,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };

  // The third-party runtime dependencies, with theirs, come from the local pnpm store: the registry needs no uplink.
  vendored = await vendorDependencies(
    PUBLISHED.map((p) => path.join(repo, "packages", p)),
    tmp,
    registry,
    npmEnv,
  );

  // A clean clone of the committed tree, with the packages as built in this checkout.
  const ws = await cloneWorkspace(repo, path.join(tmp, "ws"), PUBLISHED);
  const names = PUBLISHED.map((p) => `"@agentruns/${p}": patch`).join("\n");
  await writeFile(
    path.join(ws, ".changeset", "e2e-release.md"),
    `---\n${names}\n---\n\nEnd-to-end release test.\n`,
  );
  // The README's non-interactive changeset: the file alone, which `changeset status` reads as the release plan.
  plan = (await sh(path.join(repo, "node_modules/.bin/changeset"), ["status", "--verbose"], ws)).stdout;
  await sh(path.join(repo, "node_modules/.bin/changeset"), ["version", "--snapshot", "e2e"], ws);
  // And the dry run's publish (README: pnpm release:dry-run): a tarball listed, nothing uploaded.
  dryRun = await sh(
    "pnpm",
    ["publish", "--dry-run", "--no-git-checks", "--tag", "e2e"],
    path.join(ws, "packages/core"),
    npmEnv,
  );
  for (const p of PUBLISHED)
    versions.set(p, JSON.parse(await readFile(path.join(ws, "packages", p, "package.json"), "utf8")).version);
  await sh(
    path.join(repo, "node_modules/.bin/changeset"),
    ["publish", "--tag", "e2e", "--no-git-tag"],
    ws,
    npmEnv,
  );

  // A fresh project outside any workspace, installed with plain npm from the local registry only.
  app = path.join(tmp, "app");
  await mkdir(app);
  await writeFile(
    path.join(app, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
  );
  await sh(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "@agentruns/duvo@e2e",
      "@agentruns/avido@e2e",
      "@agentruns/duckie@e2e",
      "@agentruns/duvo-openapi@e2e",
      "@agentruns/cli@e2e",
      "@agentruns/mcp@e2e",
      "@agentruns/ratelimit-redis@e2e",
    ],
    app,
    npmEnv,
  );

  sims = [
    await startDuvoSimulator({ runs: 10 }),
    await startAvidoSimulator({ runs: 10 }),
    await startDuckieSimulator({ runs: 10 }),
  ];
  // Vendoring ~110 third-party packages and publishing ours takes 60–120 s on a busy 2-core machine, and over 360 s
  // beside a `pnpm build --force` loop: the limit is for a hung install, not a slow machine.
}, 600_000);

afterAll(async () => {
  for (const s of sims) await s.close();
  await registry?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const simEnv = () => ({
  DUVO_API_KEY: "k",
  DUVO_BASE_URL: sims[0]!.url,
  AVIDO_API_KEY: "k",
  AVIDO_APPLICATION_ID: "a",
  AVIDO_BASE_URL: sims[1]!.url,
  DUCKIE_API_KEY: "k",
  DUCKIE_BASE_URL: sims[2]!.url,
});

describe("published packages", () => {
  it("a changeset written without a prompt is the release plan; a dry-run publish uploads nothing", async () => {
    for (const p of PUBLISHED) expect(plan, p).toContain(`@agentruns/${p}`);
    expect(dryRun.stdout + dryRun.stderr).toMatch(/dist\/index\.js/);
    // Only the real publish below put a version of the core on the registry: the e2e one.
    const meta = (await (await fetch(`${registry.url}/@agentruns%2fcore`)).json()) as { versions: object };
    expect(Object.keys(meta.versions)).toEqual([versions.get("core")]);
  });

  it("were versioned by changesets, with changelogs, and published under the e2e tag", async () => {
    // One first version for all: a peer range on the core (ratelimit-redis's `^0`) that the core's minor bump stays
    // inside escalates nothing to a major (.changeset/config.json onlyUpdatePeerDependentsWhenOutOfRange).
    const firsts = new Set(PUBLISHED.map((p) => versions.get(p)!.replace(/-e2e-\d{14}$/, "")));
    expect([...firsts]).toHaveLength(1);
    for (const p of PUBLISHED) {
      // The calculated next version (pending changesets included) with the snapshot suffix.
      const [, next] = versions.get(p)!.match(/^(\d+\.\d+\.\d+)-e2e-\d{14}$/) ?? [];
      expect(next, p).toBeDefined();
      expect(next).not.toBe(
        JSON.parse(await readFile(path.join(repo, "packages", p, "package.json"), "utf8")).version,
      );
      const meta = (await (await fetch(`${registry.url}/@agentruns%2f${p}`)).json()) as {
        "dist-tags": Record<string, string>;
      };
      expect(meta["dist-tags"].e2e).toBe(versions.get(p));
    }
    expect(await readFile(path.join(tmp, "ws/packages/duvo/CHANGELOG.md"), "utf8")).toContain(
      "End-to-end release test.",
    );
    const installed = JSON.parse(
      await readFile(path.join(app, "node_modules/@agentruns/duvo/package.json"), "utf8"),
    );
    expect(installed.version).toBe(versions.get("duvo"));
    expect(installed.dependencies).toEqual({
      "@agentruns/core": `^${versions.get("core")}`,
      "@agentruns/duvo-openapi": `^${versions.get("duvo-openapi")}`,
    });
  });

  it("import from ESM and call the simulators", async () => {
    const script = `
      import { Duvo, NotFoundError } from "@agentruns/duvo";
      import { Avido } from "@agentruns/avido";
      import { Duckie } from "@agentruns/duckie";
      import { raw } from "@agentruns/duvo/raw";
      const page = await new Duvo().runs.list({ limit: 3 });
      const viaRaw = (await raw(new Duvo()).GET("/v1/runs", { params: { query: { limit: 2 } } })).data.data.length;
      let avido = 0; for await (const r of new Avido().runs.list({ limit: 4 })) avido++;
      let duckie = 0; for await (const r of new Duckie().runs.list({ limit: 4, status: ["completed", "failed", "running", "cancelled", "paused"] })) duckie++;
      const missing = await new Duvo().runs.get("3c90c3cc-0d44-4b50-8888-8dd25736052a").catch((e) => e instanceof NotFoundError);
      console.log(page.data.length, page.body.total, avido, duckie, missing, viaRaw);`;
    await writeFile(path.join(app, "esm.mjs"), script);
    const { stdout } = await sh(process.execPath, ["esm.mjs"], app, simEnv());
    expect(stdout.trim()).toBe("3 10 10 10 true 2");
  });

  it("the agentruns command line runs from the installed package, with its dependencies from the registry", async () => {
    expect(vendored).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^openapi-fetch@/),
        expect.stringMatching(/^commander@13\./),
        expect.stringMatching(/^csv-stringify@/),
        expect.stringMatching(/^ajv@/), // the simulators', for agentruns sim
      ]),
    );
    const agentruns = path.join(app, "node_modules", ".bin", "agentruns");
    const { stdout } = await sh(agentruns, ["runs", "list", "--format", "jsonl"], app, simEnv());
    const rows = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { provider: string });
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(["duvo", "avido", "duckie"]));
    const version = await sh(agentruns, ["--version"], app);
    expect(version.stdout.trim()).toBe(versions.get("cli"));
  });

  it("the agentruns-mcp server runs from the installed package and lists every provider's tools", async () => {
    expect(vendored).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@modelcontextprotocol\/sdk@1\./)]),
    );
    const mcp = path.join(app, "node_modules", ".bin", "agentruns-mcp");
    const { stdout } = await sh(mcp, ["--list-tools"], app, {
      ...simEnv(),
      AGENTRUNS_CONFIG: path.join(tmp, "none.json"),
    });
    const listed = JSON.parse(stdout) as { tools: string[]; count: number };
    expect(listed.tools).toEqual(
      expect.arrayContaining(["duvo_runs_create", "avido_runs_list", "duckie_runs_list"]),
    );
    expect((await sh(mcp, ["--version"], app)).stdout.trim()).toBe(versions.get("mcp"));
  });

  it("the Redis rate limiter installs with its peer ioredis and takes an ioredis client", async () => {
    const script = `
      import { RedisRateLimiter } from "@agentruns/ratelimit-redis";
      import { Redis } from "ioredis";
      const redis = new Redis({ lazyConnect: true });
      const limiter = new RedisRateLimiter({ redis, key: "e2e", limit: 10, windowMs: 1000 });
      console.log(typeof limiter.acquire);
      redis.disconnect();`;
    await writeFile(path.join(app, "redis.mjs"), script);
    const { stdout } = await sh(process.execPath, ["redis.mjs"], app);
    expect(stdout.trim()).toBe("function");
  });

  it("require from CommonJS and call the simulators", async () => {
    const script = `
      const { Duvo, ApiError } = require("@agentruns/duvo");
      const { Avido } = require("@agentruns/avido");
      const { Duckie } = require("@agentruns/duckie");
      (async () => {
        const run = await new Duvo().runs.create({ agent_id: "0f8fad5b-d9cb-469f-a165-70867728950e" });
        const avido = await new Avido().runs.list({ limit: 2 });
        const duckie = await new Duckie().runs.list({ duration: { gte: 0 }, limit: 2 });
        console.log(run.status, avido.data.length, duckie.data.length, typeof ApiError);
      })();`;
    await writeFile(path.join(app, "cjs.cjs"), script);
    const { stdout } = await sh(process.execPath, ["cjs.cjs"], app, simEnv());
    expect(stdout.trim()).toBe("pending 2 2 function");
  });

  it("type-check with moduleResolution node16 (CJS and ESM files) and bundler", async () => {
    const check = `
      import { Duvo, NotFoundError, type Run } from "@agentruns/duvo";
      import { Avido } from "@agentruns/avido";
      import { Duckie } from "@agentruns/duckie";
      // The schema's declarations ship once (the CommonJS ones re-export the ES ones): real from both formats.
      import type { components, Run as RunSchema } from "@agentruns/duvo-openapi";
      // @ts-expect-error the schema types are real, not any: a run has no "nope"
      export const wrong: components["schemas"]["Run"] = { nope: 1 };
      export const id = (r: RunSchema): string => r.id;
      export async function main(): Promise<Run> {
        for await (const r of new Duckie({ apiKey: "k" }).runs.list({ status: ["failed"], duration: { gte: 60 } })) void r.id;
        await new Avido({ apiKey: "k", applicationId: "a" }).runs.list({ orderBy: "createdAt", startDate: new Date() });
        return new Duvo({ apiKey: "k" }).runs.create({ agent_id: "x" });
      }
      // @ts-expect-error the types are real: "nope" is not a Duckie status
      void new Duckie({ apiKey: "k" }).runs.list({ status: ["nope"] });
      export const isMissing = (e: unknown) => e instanceof NotFoundError;
    `;
    await writeFile(path.join(app, "check.ts"), check);
    await writeFile(path.join(app, "check.mts"), check);
    const base = {
      strict: true,
      noEmit: true,
      target: "es2022",
      lib: ["es2022", "dom"],
      types: [],
      skipLibCheck: false,
    };
    await writeFile(
      path.join(app, "tsconfig.node16.json"),
      JSON.stringify({
        compilerOptions: { ...base, module: "node16", moduleResolution: "node16" },
        files: ["check.ts", "check.mts"],
      }),
    );
    await writeFile(
      path.join(app, "tsconfig.bundler.json"),
      JSON.stringify({
        compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" },
        files: ["check.ts"],
      }),
    );
    for (const config of ["tsconfig.node16.json", "tsconfig.bundler.json"]) {
      const { stdout } = await sh(bin("tsc"), ["-p", config], app);
      expect(stdout).toBe("");
    }
  });
});
