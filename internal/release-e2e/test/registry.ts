// A real local npm registry for tests: verdaccio on 127.0.0.1 with its storage in a temp dir and no uplinks,
// so nothing is ever fetched from outside.
import { freePort } from "@agentruns/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = (name: string) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", name);

export { freePort };

export interface Registry {
  url: string;
  /** An .npmrc that points npm/pnpm at this registry with a publish token. */
  npmrc: string;
  /** That publish token. */
  token: string;
  close(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${log()}`);
}

export async function startRegistry(dir: string): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = path.join(dir, "verdaccio.yaml");
  await writeFile(
    config,
    [
      `storage: ${path.join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${path.join(dir, "htpasswd")}`,
      "    max_users: 10",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  let out = "";
  const child = spawn(bin("verdaccio"), ["--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  await waitFor(`${url}/-/ping`, child, () => out);
  const res = await fetch(`${url}/-/user/org.couchdb.user:release`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release", password: "release-e2e-password" }),
  });
  const { token } = (await res.json()) as { token: string };
  if (!token) throw new Error(`no token from verdaccio (${res.status})`);
  const npmrc = path.join(dir, ".npmrc");
  await writeFile(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  return {
    url,
    npmrc,
    token,
    close: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
