// Code generation time: `pnpm generate` of Duvo (`node scripts/run.mjs generate duvo`: both packages, formatted,
// drift-checked) against openapi-typescript's own CLI and the peer generators (@hey-api/openapi-ts, orval) on the same spec, each a fresh
// Node process, interleaved rounds.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PEERS, generatorArgs, prepare } from "./peers.js";
import { interleaved, type Ratio } from "./rounds.js";

const repo = path.resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);

export async function codegen(rounds: number): Promise<Ratio[]> {
  const out = await mkdtemp(path.join(os.tmpdir(), "bench-codegen-"));
  const bin = path.join(path.dirname(require.resolve("openapi-typescript/package.json")), "bin", "cli.js");
  // openapi-typescript runs outside the repository, where the root redocly.yaml (several APIs) would take over.
  const spawn =
    (args: string[], cwd = repo) =>
    async () => {
      const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
    };
  const peer = async (name: "hey-api" | "orval") => {
    const dir = path.join(PEERS, `codegen-${name}`);
    await prepare(name, dir, "http://127.0.0.1:1");
    const { args, cwd } = generatorArgs(name, dir, "http://127.0.0.1:1");
    return spawn(args, cwd);
  };
  const [hey, orval] = [await peer("hey-api"), await peer("orval")];
  try {
    return await interleaved(
      [
        {
          name: "openapi-typescript",
          run: spawn(
            [bin, path.join(repo, "specs/duvo.openapi.json"), "-o", path.join(out, "schema.ts")],
            out,
          ),
        },
        // --check generates everything in memory and compares; it writes nothing in the repository.
        // What `pnpm generate` runs: the generator bundled once (scripts/run.mjs), no TypeScript loader.
        { name: "pnpm generate (duvo)", run: spawn(["scripts/run.mjs", "generate", "--check", "duvo"]) },
        { name: "@hey-api/openapi-ts", run: hey },
        { name: "orval", run: orval },
      ],
      { rounds, calls: 1, warmup: 1 },
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
