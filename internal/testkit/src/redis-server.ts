// A real Redis for tests: Debian's redis-server on 127.0.0.1 and a free port, no persistence, stopped by the test.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection, createServer } from "node:net";

/** A TCP port nothing listens on right now (127.0.0.1). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Where Debian's redis-server package installs the server. */
export const REDIS_SERVER = "/usr/bin/redis-server";

/**
 * Whether tests that need Redis can run: outside CI they are skipped without it (like the browser test without
 * Chromium); in CI its absence is an error, since .ci/run installs it.
 */
export function redisAvailable(): boolean {
  const available = existsSync(REDIS_SERVER);
  if (!available && process.env.CI)
    throw new Error(`${REDIS_SERVER} is missing: .ci/run installs Debian's redis-server`);
  return available;
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server` (must be installed: `apt-get install redis-server`); resolves once it answers PING. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log += c));
  child.stderr.on("data", (c: Buffer) => (log += c));
  const spawned = new Promise<never>((_, reject) =>
    child.once("error", (e) =>
      reject(new Error(`redis-server did not start (apt-get install redis-server): ${e.message}`)),
    ),
  );
  const ping = async () => {
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log}`);
      const ok = await new Promise<boolean>((resolve) => {
        const socket = createConnection({ port, host: "127.0.0.1" }, () => socket.write("PING\r\n"));
        socket.once("data", (d) => {
          socket.destroy();
          resolve(d.toString().startsWith("+PONG"));
        });
        socket.once("error", () => resolve(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not answer PING:\n${log}`);
  };
  await Promise.race([ping(), spawned]);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
