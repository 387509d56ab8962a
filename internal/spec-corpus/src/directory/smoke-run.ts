// Runs generated smoke tests with vitest (real HTTP on 127.0.0.1): one package's, or many packages' in one vitest
// process, since starting vitest costs more than a smoke test (1.5 s of a fixture's 5 s on an idle machine).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const SMOKE = "test/smoke.generated.test.ts";

/** The generated smoke test, run by vitest in the ergonomic package `dir`: its failures, or none. */
export function runSmokeTest(corpusPackage: string, dir: string): Promise<string[]> {
  return vitest(corpusPackage, dir, ["--root", dir, SMOKE]);
}

/**
 * The smoke tests of `packages` (ergonomic package directories, all under `root`) in one vitest run rooted at `root`:
 * the failures, each line naming its file, or none. The packages' own vitest configs are not read: the run sets its
 * own limits, 30 s per test and hook (a smoke test is one call to a loopback server; the limit is for a hang).
 */
export async function runSmokeTests(
  corpusPackage: string,
  root: string,
  packages: readonly string[],
): Promise<string[]> {
  const config = path.join(root, "vitest.smoke.config.mjs");
  const include = packages.map((p) => path.relative(root, path.join(p, SMOKE)).split(path.sep).join("/"));
  await writeFile(
    config,
    "// Written by internal/spec-corpus/src/directory/smoke-run.ts: the smoke tests of every package here, in one run.\n" +
      `export default ${JSON.stringify({ test: { include, testTimeout: 30_000, hookTimeout: 30_000 } })};\n`,
  );
  return vitest(corpusPackage, root, ["--root", root, "--config", config]);
}

async function vitest(corpusPackage: string, cwd: string, args: string[]): Promise<string[]> {
  const bin = path.join(corpusPackage, "node_modules", "vitest", "vitest.mjs");
  return promisify(execFile)(process.execPath, [bin, "run", ...args], {
    cwd,
    env: { ...process.env, CI: "true", NO_COLOR: "1" },
    maxBuffer: 16 << 20,
  }).then(
    () => [],
    (e: { stdout?: string; stderr?: string; message: string }) => {
      const lines = `${e.stdout ?? ""}\n${e.stderr ?? ""}`
        .split("\n")
        .filter((l) => /FAIL|Error|expected|✗|×/.test(l))
        .slice(0, 20);
      return [`vitest: ${lines.join(" | ") || e.message}`];
    },
  );
}
