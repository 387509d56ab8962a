// Runs the built `agentruns` binary as a child process (real argv, real exit codes, real signals) against simulators.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulator, type ProviderName } from "@agentruns/simulators";

export const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/agentruns.js");

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Result>;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout (or stderr) holds `text`. */
  waitFor(text: string | RegExp, stream?: "stdout" | "stderr", timeoutMs?: number): Promise<void>;
}

/** A clean environment: no credentials or config from the machine running the tests, colours off. */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: "/nonexistent-home",
    XDG_CONFIG_HOME: "/nonexistent-config",
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface StartOptions {
  nodeArgs?: string[];
  /** Written to stdin, which is then closed (default: no stdin). */
  input?: string;
}

export function start(args: string[], env: Record<string, string>, options: StartOptions = {}): Running {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    env,
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const done = once(child, "close").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return {
    child,
    done,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(text, stream = "stdout", timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      const has = () => {
        const s = stream === "stdout" ? stdout : stderr;
        return typeof text === "string" ? s.includes(text) : text.test(s);
      };
      while (!has()) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(
            `no ${String(text)} on ${stream}; stdout: ${stdout.slice(-500)} stderr: ${stderr.slice(-500)}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

export const run = (args: string[], env: Record<string, string>, options?: StartOptions) =>
  start(args, env, options).done;

/** The three simulators, and the env that points the CLI at them. */
export async function simulators(
  options: {
    runs?: number;
    rateLimit?: false;
    duvoStepMs?: number;
    duvoAgents?: Record<string, object>;
  } = {},
) {
  const runs = options.runs ?? 120;
  const common = { runs, ...(options.rateLimit === false ? { rateLimit: false as const } : {}) };
  const [duvo, avido, duckie] = await Promise.all([
    startSimulator("duvo", {
      ...common,
      defaultAgent: { stepMs: options.duvoStepMs ?? 150 },
      agents: options.duvoAgents ?? {},
    }),
    startSimulator("avido", common),
    startSimulator("duckie", common),
  ]);
  const env = baseEnv({
    DUVO_BASE_URL: duvo.url,
    DUVO_API_KEY: "duvo-test-key",
    AVIDO_BASE_URL: avido.url,
    AVIDO_API_KEY: "avido-test-key",
    AVIDO_APPLICATION_ID: "app-test",
    DUCKIE_BASE_URL: duckie.url,
    DUCKIE_API_KEY: "duckie-test-key",
  });
  return {
    duvo,
    avido,
    duckie,
    env,
    close: () => Promise.all([duvo.close(), avido.close(), duckie.close()]),
  };
}

export type Sims = Awaited<ReturnType<typeof simulators>>;
export type { ProviderName };
