// The drift check fails when a spec changes without regenerating; regenerating is deterministic and keeps versions.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../providers.js";

const run = promisify(execFile);
const scriptsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(scriptsDir, "..");
let root: string;

/** Runs the real CLI against the scratch checkout; never throws, returns the exit code and output. */
async function generate(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      path.join(scriptsDir, "run.mjs"),
      "generate",
      "--root",
      root,
      ...args,
    ]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out[path.relative(dir, full)] = await readFile(full, "utf8");
  }
  return out;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "agentruns-drift-"));
  await cp(path.join(repo, "specs"), path.join(root, "specs"), { recursive: true });
  await cp(path.join(repo, ".prettierrc.json"), path.join(root, ".prettierrc.json"));
  for (const p of providers) {
    // Both packages of each provider: the typed one and the ergonomic one (its hand-written files included).
    for (const dir of [`${p.id}-openapi`, p.id]) {
      await cp(path.join(repo, "packages", dir), path.join(root, "packages", dir), {
        recursive: true,
        filter: (src) => !/[/\\](node_modules|dist|\.turbo)$/.test(src),
      });
    }
  }
  // The scripts' dependencies on every provider's packages (its tests measure each) are kept by the generator too.
  await mkdir(path.join(root, "scripts"), { recursive: true });
  await cp(path.join(repo, "scripts/package.json"), path.join(root, "scripts/package.json"));
  // The MCP server's and the CLI's registries of every provider are generated too.
  for (const dir of ["mcp", "cli"]) {
    await cp(path.join(repo, "packages", dir), path.join(root, "packages", dir), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|dist|\.turbo)$/.test(src),
    });
  }
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("generate --check", () => {
  it("passes on the committed output", async () => {
    const { code, out } = await generate("--check");
    for (const p of providers) {
      expect(out).toContain(`packages/${p.id}-openapi: up to date`);
      expect(out).toContain(`packages/${p.id}: up to date`);
    }
    expect(out).toContain("packages/mcp: up to date");
    expect(out).toContain("packages/cli: up to date");
    expect(out).toContain("scripts: up to date");
    expect(code).toBe(0);
  });

  // A full run of the generator and two of one provider: generous on a CI machine shared with the other suites.
  it(
    "fails, naming the stale file, when a spec is edited without regenerating",
    { timeout: 120_000 },
    async () => {
      const spec = path.join(root, "specs/duvo.openapi.json");
      const text = await readFile(spec, "utf8");
      await writeFile(
        spec,
        text.replace('"description": "Sort direction (default desc)"', '"description": "Sort order"'),
      );
      const { code, out } = await generate("--check");
      expect(code).toBe(1);
      expect(out).toContain("packages/duvo-openapi/src/generated/schema.ts: changed");
      expect(out).toContain("packages/avido-openapi: up to date");
      expect(out).toContain("run `pnpm generate` and commit the result");

      expect((await generate("duvo")).code).toBe(0);
      expect(
        await readFile(path.join(root, "packages/duvo-openapi/src/generated/schema.ts"), "utf8"),
      ).toContain("@description Sort order");
      expect((await generate("--check", "duvo")).code).toBe(0);
    },
  );

  it("flags and removes files in generated folders that the generator no longer writes", async () => {
    const orphan = path.join(root, "packages/duckie-openapi/src/generated/old.ts");
    await writeFile(orphan, "export {};\n");
    const { code, out } = await generate("--check", "duckie");
    expect(code).toBe(1);
    expect(out).toContain("packages/duckie-openapi/src/generated/old.ts: not generated");
    await generate("duckie");
    await expect(readFile(orphan)).rejects.toThrow(/ENOENT/);
  });
});

describe("generate", () => {
  // The committed tree is an earlier run's output: a run over it that changes no byte is a second run that does not.
  it("is deterministic: a second run changes no byte", async () => {
    const first = await snapshot(path.join(root, "packages"));
    const { out } = await generate();
    // Each provider's two packages, the MCP server's and the CLI's registries, and the scripts' dependencies.
    expect(out.match(/up to date/g)).toHaveLength(providers.length * 2 + 3);
    expect(await snapshot(path.join(root, "packages"))).toEqual(first);
  });

  it("keeps the version that changesets wrote", async () => {
    const pkgPath = path.join(root, "packages/avido-openapi/package.json");
    const pkg = JSON.parse(await readFile(pkgPath, "utf8"));
    await writeFile(pkgPath, JSON.stringify({ ...pkg, version: "1.4.2" }, null, 2) + "\n");
    await generate("avido");
    expect(JSON.parse(await readFile(pkgPath, "utf8")).version).toBe("1.4.2");
    expect((await generate("--check", "avido")).code).toBe(0);
  });

  it("rejects an unknown provider id", async () => {
    const { code, out } = await generate("acme");
    expect(code).toBe(2);
    expect(out).toContain(`Unknown provider(s): acme. Known: ${providers.map((p) => p.id).join(", ")}.`);
  });
});
