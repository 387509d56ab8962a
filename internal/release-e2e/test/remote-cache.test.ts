// Team-scale caching: a real turborepo-remote-cache server on loopback. A build in one clean clone fills it; a second
// fresh clone with an empty local cache gets every task from it, byte for byte; a wrong token is refused and the
// build falls back to running locally.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneWorkspace } from "@agentruns/testkit";
import { freePort } from "./registry.js";
import { sh } from "./sh.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const TOKEN = "team-cache-token";
let tmp: string;
let server: ChildProcess;
let api: string;

interface TaskSummary {
  taskId: string;
  hash: string;
  cache: { status: "HIT" | "MISS"; source?: "LOCAL" | "REMOTE" };
  execution?: { exitCode: number };
}

/** A clean clone of the committed tree with its dependencies installed from the local store. */
async function freshClone(name: string): Promise<string> {
  return cloneWorkspace(repo, path.join(tmp, name), []);
}

/** Runs `turbo run build` against the cache server; returns each task's cache result. */
async function build(
  dir: string,
  token: string,
  filter?: string,
): Promise<{ tasks: TaskSummary[]; output: string }> {
  const args = ["run", "build", "--summarize", ...(filter ? [`--filter=${filter}`] : [])];
  const { stdout, stderr } = await sh(path.join(dir, "node_modules/.bin/turbo"), args, dir, {
    TURBO_API: api,
    TURBO_TOKEN: token,
    TURBO_TEAM: "agentruns",
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_NO_UPDATE_NOTIFIER: "1",
  });
  const runs = path.join(dir, ".turbo", "runs");
  const [latest] = (await readdir(runs))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse();
  const summary = JSON.parse(await readFile(path.join(runs, latest!), "utf8")) as { tasks: TaskSummary[] };
  return { tasks: summary.tasks.filter((t) => t.execution), output: stdout + stderr };
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const pkg of await readdir(path.join(dir, "packages"))) {
    const dist = path.join(dir, "packages", pkg, "dist");
    for (const e of await readdir(dist, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (e.isFile())
        out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(
          path.join(e.parentPath, e.name),
          "base64",
        );
    }
  }
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-cache-"));
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  let log = "";
  server = spawn(path.resolve(here, "../node_modules/.bin/turborepo-remote-cache"), [], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TURBO_TOKEN: TOKEN,
      STORAGE_PROVIDER: "local",
      STORAGE_PATH: path.join(tmp, "storage"),
      STORAGE_PATH_USE_TMP_FOLDER: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (c) => (log += c));
  server.stderr!.on("data", (c) => (log += c));
  for (let i = 0; ; i++) {
    const ok = await fetch(`${api}/v8/artifacts/status`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 200 || server.exitCode !== null) throw new Error(`cache server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * What the clean clones build: one provider's packages with everything they depend on (generate and build tasks of
 * five packages, the core's build among them): the cache's behaviour in a third of a whole build's time.
 */
const SCOPE = "@agentruns/avido";

// A build in a clean clone: seconds on an idle machine, several times that beside the other suites of `pnpm test`
// on two cores. The limit is for a hung build, not a slow one.
describe("Turbo remote cache", { timeout: 600_000 }, () => {
  let first: string;
  let firstTasks: TaskSummary[];

  it("a clean clone builds a provider's packages and what they depend on, and fills the remote cache", async () => {
    first = await freshClone("first");
    const { tasks } = await build(first, TOKEN, SCOPE);
    firstTasks = tasks;
    expect(tasks.map((t) => t.taskId)).toEqual(
      expect.arrayContaining([
        "@agentruns/core#build",
        "@agentruns/avido-openapi#generate",
        "@agentruns/avido-openapi#build",
        "@agentruns/avido#build",
      ]),
    );
    expect(tasks.filter((t) => t.cache.status === "HIT")).toEqual([]);
    expect(await readdir(path.join(tmp, "storage"), { recursive: true })).not.toHaveLength(0);
  });

  let second: string;

  it("a second fresh clone with an empty local cache gets every task from the remote, byte for byte", async () => {
    second = await freshClone("second");
    const { tasks } = await build(second, TOKEN, SCOPE);
    expect(tasks.map((t) => t.taskId).sort()).toEqual(firstTasks.map((t) => t.taskId).sort());
    expect(tasks.map((t) => [t.taskId, t.cache.status, t.cache.source])).toEqual(
      tasks.map((t) => [t.taskId, "HIT", "REMOTE"]),
    );
    const [a, b] = [await tree(first), await tree(second)];
    expect(Object.keys(b).length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });

  it("a wrong token is refused and the build runs locally instead", async () => {
    // The second clone with its local cache and its build removed: what a third fresh clone would be, without a
    // third install.
    await rm(path.join(second, ".turbo"), { recursive: true, force: true });
    await rm(path.join(second, "packages/core/dist"), { recursive: true, force: true });
    const { tasks, output } = await build(second, "wrong-token", "@agentruns/core");
    expect(tasks.map((t) => [t.taskId, t.cache.status])).toEqual([["@agentruns/core#build", "MISS"]]);
    expect(tasks[0]!.execution!.exitCode).toBe(0);
    expect(output).toMatch(/401|403|unauthori[sz]ed|forbidden|failed to contact remote cache/i);
    const artifact = `${api}/v8/artifacts/${firstTasks[0]!.hash}?slug=agentruns`;
    expect((await fetch(artifact, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
    expect((await fetch(artifact, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });
});
