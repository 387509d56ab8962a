// `pnpm spec:update` end to end in a clean clone: a new spec served from loopback is vendored, the typed package
// regenerated, the change classified into changesets, and the wrapper type-checked, naming the code that broke.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cloneWorkspace, startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let clone: string;
let server: CaptureServer;
let original: Record<string, any>;

async function sh(cmd: string, args: string[], cwd: string) {
  return exec(cmd, args, { cwd, env: { ...process.env, CI: "true" }, maxBuffer: 32 * 1024 * 1024 });
}

async function specUpdate(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await sh(
      path.join(clone, "node_modules/.bin/tsx"),
      [path.join(clone, "scripts/spec-update.ts"), ...args, "--root", clone],
      clone,
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const changesetFiles = async () =>
  (await readdir(path.join(clone, ".changeset"))).filter((f) => f.includes("-spec-")).sort();

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "agentruns-spec-update-"));
  clone = await cloneWorkspace(repo, path.join(tmp, "repo"));
  original = JSON.parse(await readFile(path.join(clone, "specs/duvo.openapi.json"), "utf8"));
  server = await startCaptureServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (clone) await rm(path.dirname(clone), { recursive: true, force: true });
});

beforeEach(async () => {
  await sh("git", ["checkout", "--quiet", "--", "."], clone);
  await sh("git", ["clean", "-fdq", ".changeset", "packages/duvo-openapi/src"], clone);
});

// Each of these runs the whole workflow (regenerate, build, type-check the wrapper) in a clone: seconds alone, and
// several times that while the rest of the pipeline shares the two cores.
describe("pnpm spec:update", { timeout: 120_000 }, () => {
  it("a compatible change: vendored, regenerated, classified as a feature, wrapper still compiles", async () => {
    const next = structuredClone(original);
    next.paths["/v1/runs"].get.parameters.push({
      in: "query",
      name: "team_id",
      required: false,
      schema: { type: "string" },
    });
    server.respondWith({ body: next });
    const { code, out, err } = await specUpdate("duvo", "--from", `${server.url}/duvo/openapi.json`);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("Duvo API spec update (new features):");
    expect(out).toContain("- GET /v1/runs: query parameter team_id was added (optional)");
    expect(out).toContain("packages/duvo type-checks against the new types.");
    expect(JSON.parse(await readFile(path.join(clone, "specs/duvo.openapi.json"), "utf8"))).toEqual(next);
    expect(
      await readFile(path.join(clone, "packages/duvo-openapi/src/generated/schema.ts"), "utf8"),
    ).toContain("team_id?: string;");
    const files = await changesetFiles();
    expect(files).toHaveLength(2);
    const [client, openapi] = await Promise.all(
      files.map((f) => readFile(path.join(clone, ".changeset", f), "utf8")),
    );
    expect(openapi).toMatch(
      /^---\n"@agentruns\/duvo-openapi": patch\n---\n\nDuvo API spec update \(new features\):/,
    );
    expect(client).toMatch(/^---\n"@agentruns\/duvo": patch\n---\n\nFollows the Duvo API spec update/);
    const check = await sh(
      path.join(clone, "node_modules/.bin/tsx"),
      [path.join(clone, "scripts/generate.ts"), "--check", "--root", clone],
      clone,
    );
    expect(check.stdout).toContain("packages/duvo-openapi: up to date");
  });

  it("a breaking change: classified as breaking, and the providers.ts entry it broke is named", async () => {
    const next = structuredClone(original);
    const created = next.components.schemas.CreateRunResponse;
    created.properties = { created_run: created.properties.run };
    created.required = ["created_run"];
    server.respondWith({ body: next });
    const { code, out, err } = await specUpdate("duvo", "--from", `${server.url}/duvo/openapi.json`);
    expect(code).toBe(1);
    expect(out).toContain("- POST /v1/runs: response 201 body.run was removed");
    const [openapi] = await Promise.all(
      (await changesetFiles())
        .filter((f) => f.endsWith("-openapi.md"))
        .map((f) => readFile(path.join(clone, ".changeset", f), "utf8")),
    );
    expect(openapi).toContain('"@agentruns/duvo-openapi": minor'); // breaking at 0.x
    // The entry that unwraps `run` (providers.ts: unwrap) no longer fits the spec: named before anything is generated.
    expect(err).toContain(
      'The new spec does not fit what providers.ts says of it: scripts/providers.ts, duvo.unwrap.createRun: "run" is not a field of the operation\'s JSON answer',
    );
  });

  it("a breaking change the wrapper's own code relies on: the wrapper code that broke is named", async () => {
    const next = structuredClone(original);
    // runs.waitFor (src/extras/wait.ts) reads a run's pending_human_request.
    const got = next.components.schemas.GetRunResponse;
    got.properties = { run: got.properties.run, pending_request: got.properties.pending_human_request };
    server.respondWith({ body: next });
    const { code, out, err } = await specUpdate("duvo", "--from", `${server.url}/duvo/openapi.json`);
    expect(code).toBe(1);
    expect(out).toContain("pending_human_request was removed");
    expect(err).toContain("packages/duvo no longer type-checks against the new types");
    expect(err).toMatch(
      /packages\/duvo\/src\/extras\/wait\.ts:\d+:\d+ TS2551 Property 'pending_human_request'/,
    );
  });

  it("refuses without a source and names the fix", async () => {
    const { code, err } = await specUpdate("duckie");
    expect(code).toBe(2);
    expect(err).toContain(
      'No published spec is recorded for duckie (providers.ts has no "source"); pass --from <url-or-file>.',
    );
  });

  it("reports an unreadable source without touching the vendored spec", async () => {
    server.respondWith({ status: 404, body: { error: "nope" } });
    const before = await readFile(path.join(clone, "specs/avido.openapi.yaml"), "utf8");
    const { code, err } = await specUpdate("avido", "--from", `${server.url}/missing.yaml`);
    expect(code).toBe(1);
    expect(err).toContain(
      `Could not read a spec from ${server.url}/missing.yaml: GET ${server.url}/missing.yaml answered 404`,
    );
    expect(await readFile(path.join(clone, "specs/avido.openapi.yaml"), "utf8")).toBe(before);
  });
});
