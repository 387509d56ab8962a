// The README's "Add a provider", followed literally in a clean clone with a real spec (Hugging Face TGI: no servers,
// no auth, streaming): one spec file, one providers.ts entry, `pnpm install`, `pnpm generate`; both new packages then
// pass what `pnpm test` runs for them (spec lint, drift check, formatting, type-check, publishing lint, tests), the
// tests that loop over providers.ts (drift, type and bundle budgets, API reference) take the newcomer, and a second
// `pnpm generate` changes nothing.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cloneWorkspace } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let clone: string;

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

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-add-"));
  clone = await cloneWorkspace(repo, path.join(tmp, "repo"), ["core"]);
}, 180_000);
afterAll(async () => {
  if (clone) await rm(path.dirname(clone), { recursive: true, force: true });
});

describe("Add a provider (README)", { timeout: 900_000 }, () => {
  it("spec + providers entry + pnpm install + pnpm generate → both packages pass the whole pnpm test scope", async () => {
    await copyFile(
      path.join(repo, "internal/spec-corpus/specs/text-generation-inference.json"),
      path.join(clone, "specs/tgi.openapi.json"),
    );
    const providers = path.join(clone, "scripts/providers.ts");
    const text = await readFile(providers, "utf8");
    await writeFile(
      providers,
      text.replace(/\n\];\s*$/, '\n  { id: "tgi", title: "TGI", spec: "specs/tgi.openapi.json" },\n];\n'),
    );
    await sh("pnpm", ["install", "--offline"]);
    const generated = await sh("pnpm", ["generate"]);
    expect(generated.stdout).toContain("packages/tgi-openapi: created from specs/tgi.openapi.json");
    expect(generated.stdout).toContain("packages/tgi: created from specs/tgi.openapi.json");
    const pkg = JSON.parse(await readFile(path.join(clone, "packages/tgi-openapi/package.json"), "utf8"));
    expect(pkg.name).toBe("@agentruns/tgi-openapi");
    // What `pnpm test` runs, for the new packages: the spec lint (third-party rules), the drift check, formatting,
    // and each package's type-check, publishing lint and tests (the generated smoke tests among them).
    await sh("pnpm", ["lint:specs", "tgi"]);
    const check = await sh("pnpm", ["generate:check"]);
    for (const dir of ["packages/tgi-openapi", "packages/tgi", "packages/mcp", "packages/cli", "scripts"])
      expect(check.stdout).toContain(`${dir}: up to date`);
    await sh("pnpm", ["exec", "prettier", "--check", "packages/tgi", "packages/tgi-openapi", "scripts"]);
    const scope = ["--filter", "@agentruns/tgi-openapi", "--filter", "@agentruns/tgi"];
    await sh("pnpm", ["turbo", "run", "build", "typecheck", "lint:package", "test", ...scope]);
    // The tests that loop over providers.ts take the newcomer, with generated default budgets.
    const scripts = path.join(clone, "scripts");
    const vitest = (...args: string[]) =>
      exec("pnpm", ["exec", "vitest", "run", ...args], { cwd: scripts, env, maxBuffer: 64 << 20 }).catch(
        (e) => {
          throw new Error(`vitest ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
        },
      );
    await vitest(
      "test/type-budget.test.ts",
      "test/bundle-size.test.ts",
      "test/api-reference.test.ts",
      "-t",
      "tgi",
    );
    // The drift test that lists providers.ts (the others edit one of the three providers' files; "passes on the
    // committed output" is the generate:check above, and "is deterministic" the second run below).
    await vitest("test/drift.test.ts", "-t", "unknown provider");
    // A second run changes nothing: no byte of the tree as the first left it (committed here, so that the new
    // packages' files count too), and no new file.
    await sh("git", ["add", "-A"]);
    await sh("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "tgi"]);
    await sh("pnpm", ["generate"]);
    expect((await sh("git", ["status", "--porcelain"])).stdout).toBe("");
  });
});
