// Turbo's task graph: nothing changed means identical task hashes (full cache hit); editing one provider's spec, or
// its entry in providers.ts, changes the hashes of that provider's chain and its dependents only.
import { execFile } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const turbo = path.join(repo, "node_modules", ".bin", "turbo");
let clone: string;

/** taskId -> hash of every task with a command, as Turbo would compute it for `build typecheck test`. */
async function taskHashes(): Promise<Map<string, string>> {
  const { stdout } = await run(turbo, ["run", "build", "typecheck", "test", "--dry=json"], {
    cwd: clone,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const tasks: { taskId: string; hash: string; command: string }[] = JSON.parse(stdout).tasks;
  return new Map(tasks.filter((t) => t.command !== "<NONEXISTENT>").map((t) => [t.taskId, t.hash]));
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([id, hash]) => before.get(id) !== hash)
    .map(([id]) => id)
    .sort();
}

beforeAll(async () => {
  // A clean clone of the committed tree, so the edit below never touches the working copy.
  clone = await mkdtemp(path.join(os.tmpdir(), "agentruns-turbo-"));
  await run("git", ["clone", "--quiet", repo, clone]);
  // The generator's own dependencies, to write the entries' cache keys as `pnpm test` does before Turbo runs.
  for (const dir of ["node_modules", "scripts/node_modules"])
    await symlink(path.join(repo, dir), path.join(clone, dir), "dir");
  await writeKeys();
});
const writeKeys = () => run(process.execPath, ["scripts/run.mjs", "generate", "--keys"], { cwd: clone });
afterAll(() => rm(clone, { recursive: true, force: true }));

describe("turbo task graph", () => {
  it(
    "re-generates only the provider whose entry of providers.ts was edited",
    { timeout: 120_000 },
    async () => {
      const before = await taskHashes();
      const file = path.join(clone, "scripts/providers.ts");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("limit: 5_000, windowMs: 60_000", "limit: 4_000, windowMs: 60_000"));
      try {
        await writeKeys();
        const hit = changed(before, await taskHashes());
        // Duckie's chain, and the registries that list every provider (the MCP server's and the CLI's).
        expect(hit).toEqual(
          expect.arrayContaining(["@agentruns/duckie-openapi#generate", "@agentruns/duckie#generate"]),
        );
        for (const other of ["duvo", "avido"])
          expect(
            hit.filter(
              (t) => t.startsWith(`@agentruns/${other}-openapi#`) || t === `@agentruns/${other}#generate`,
            ),
          ).toEqual([]);
      } finally {
        await writeFile(file, text);
        await writeKeys();
      }
    },
  );

  it("computes the same hashes when nothing changed", async () => {
    const first = await taskHashes();
    expect(first.size).toBeGreaterThanOrEqual(12);
    expect(changed(first, await taskHashes())).toEqual([]);
  });

  it("re-runs only the edited provider's chain and its dependents", async () => {
    const before = await taskHashes();
    await appendFile(path.join(clone, "specs/duckie.openapi.yaml"), "# edited\n");
    const hit = changed(before, await taskHashes());
    expect(hit).toEqual([
      "@agentruns/avido#test", // test and type-check tasks of packages whose tests use the simulators
      "@agentruns/avido#typecheck",
      "@agentruns/bench#typecheck", // the bench's fleet run uses the simulators
      "@agentruns/browser-e2e#test",
      "@agentruns/browser-e2e#typecheck",
      "@agentruns/cli#build", // the CLI ships the Duckie client (and the simulators for `agentruns sim`)
      "@agentruns/cli#test",
      "@agentruns/cli#typecheck",
      "@agentruns/core#test",
      "@agentruns/core#typecheck",
      "@agentruns/demo#build",
      "@agentruns/demo#test",
      "@agentruns/demo#typecheck",
      "@agentruns/duckie#build", // the Duckie chain itself
      "@agentruns/duckie#generate",
      "@agentruns/duckie#test",
      "@agentruns/duckie#typecheck",
      "@agentruns/duckie-openapi#build",
      "@agentruns/duckie-openapi#generate",
      "@agentruns/duckie-openapi#test",
      "@agentruns/duckie-openapi#typecheck",
      "@agentruns/duvo#test",
      "@agentruns/duvo#typecheck",
      "@agentruns/fault-matrix#test", // the fault matrix runs the Duckie client and simulator
      "@agentruns/fault-matrix#typecheck",
      "@agentruns/mcp#build", // the MCP server serves the Duckie tools
      "@agentruns/mcp#test",
      "@agentruns/mcp#typecheck",
      "@agentruns/ratelimit-redis#build", // its tests use the simulators (a devDependency its build waits for)
      "@agentruns/ratelimit-redis#test",
      "@agentruns/ratelimit-redis#typecheck",
      "@agentruns/release-e2e#test",
      "@agentruns/release-e2e#typecheck",
      "@agentruns/scripts#test",
      "@agentruns/scripts#typecheck",
      "@agentruns/simulators#build", // validates requests against every spec
      "@agentruns/simulators#test",
      "@agentruns/simulators#typecheck",
    ]);
    // Nothing of the other providers' generated chains, and no build that does not ship Duckie code.
    for (const untouched of [
      "@agentruns/duvo-openapi#",
      "@agentruns/avido-openapi#",
      "@agentruns/core#build",
      "@agentruns/duvo#build",
      "@agentruns/avido#build",
    ]) {
      expect(hit.filter((t) => t.startsWith(untouched))).toEqual([]);
    }
  });
});
