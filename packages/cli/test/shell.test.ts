// The command line as a whole: --help with an example on every command, completion in real bash, zsh and fish,
// `agentruns sim` end to end, exit codes of the root.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { main } from "../src/index.js";
import { buildProgram } from "../src/program.js";
import { baseEnv, bin, run, start } from "./cli.js";

/** Every command path of the tree, e.g. ["duvo", "runs", "start"]. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

const program = buildProgram({
  stdout: process.stdout,
  stderr: process.stderr,
  env: {},
  signal: new AbortController().signal,
});
const leaves = commandPaths(program).filter((p) => p.at(-1) !== "help");

/** A shell on this machine, or (outside CI) a reason to skip; CI installs bash, zsh and fish. */
const shell = (name: string) => {
  const found = ["/usr/bin", "/bin"].map((d) => path.join(d, name)).find(existsSync);
  if (!found && process.env.CI) throw new Error(`${name} is not installed (.ci/run installs it)`);
  return found;
};

describe("agentruns", () => {
  it("--help works on every command and every command that acts shows an example", async () => {
    expect(leaves.length).toBeGreaterThan(15);
    for (const p of leaves) {
      const result = await run([...p, "--help"], baseEnv());
      expect(result.code, p.join(" ")).toBe(0);
      expect(result.stdout, p.join(" ")).toMatch(/^Usage: agentruns /);
      const node = p.reduce<Command>((c, name) => c.commands.find((x) => x.name() === name)!, program);
      if (!node.commands.length)
        expect(result.stdout, p.join(" ")).toMatch(/\nExamples?:\n {2}(source <\()?agentruns /);
    }
    const root = await run(["--help"], baseEnv());
    expect(root.stdout).toContain("Exit codes: 0 ok · 1 an API or network error · 2 a usage error");
    expect((await run(["--version"], baseEnv())).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("no command, an unknown command or an unknown provider is exit 2", async () => {
    expect((await run([], baseEnv())).code).toBe(2);
    const unknown = await run(["lisst"], baseEnv());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'lisst'/);
    expect((await run(["completion", "tcsh"], baseEnv())).code).toBe(2);
  });

  const complete = (script: string, words: string[]) => {
    const line = words.map((w) => `'${w}'`).join(" ");
    return execFileSync(
      "bash",
      [
        "-c",
        `source ${script}; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _agentruns_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: "utf8" },
    )
      .trim()
      .split("\n");
  };

  it("bash completion offers the subcommands, the flags and the values of each command", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentruns-completion-"));
    const script = path.join(dir, "agentruns.bash");
    execFileSync("sh", ["-c", `"${process.execPath}" "${bin}" completion bash > "${script}"`]);
    expect(complete(script, ["agentruns", ""])).toEqual(
      expect.arrayContaining(["duvo", "avido", "duckie", "runs", "api", "sim", "completion"]),
    );
    expect(complete(script, ["agentruns", "duvo", "runs", ""])).toEqual(
      expect.arrayContaining(["start", "get", "list", "messages", "send-message", "respond", "stop", "wait"]),
    );
    expect(complete(script, ["agentruns", "duvo", "runs", "start", "--f"])).toEqual(["--follow"]);
    expect(complete(script, ["agentruns", "--verbose", "runs", "list", "--status", "f"])).toEqual(["failed"]);
    expect(complete(script, ["agentruns", "duckie", "runs", "list", "--duration-g"])).toEqual([
      "--duration-gt",
      "--duration-gte",
    ]);
    expect(complete(script, ["agentruns", "runs", "list", "--format", "j"])).toEqual(["json", "jsonl"]);
  });

  it("zsh loads the completion and fish completes from it", (context) => {
    const zsh = shell("zsh");
    const fish = shell("fish");
    if (!zsh || !fish) return context.skip();
    const zshOut = spawnSync(
      zsh,
      ["-c", `source <("${process.execPath}" "${bin}" completion zsh) && whence -w _agentruns_complete`],
      {
        encoding: "utf8",
      },
    );
    expect(zshOut.stdout.trim()).toBe("_agentruns_complete: function");
    const fishComplete = (line: string) =>
      spawnSync(
        fish,
        ["-c", `"${process.execPath}" "${bin}" completion fish | source; complete -C "${line}"`],
        { encoding: "utf8" },
      )
        .stdout.trim()
        .split("\n")
        .map((l) => l.split("\t")[0]);
    expect(fishComplete("agentruns duvo runs ")).toEqual(
      expect.arrayContaining(["start", "respond", "wait"]),
    );
    expect(fishComplete("agentruns runs list --status ")).toEqual([
      "cancelled",
      "completed",
      "failed",
      "pending",
      "running",
      "unknown",
      "waiting",
    ]);
    expect(fishComplete("agentruns duckie runs list --st")).toContain("--status");
  });

  it("sim starts the three simulators, prints the env lines that point the CLI at them, and stops on Ctrl-C", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "agentruns-sim-")), "sim.env");
    const sim = start(["sim", "--runs", "20", "--write-env", file], baseEnv());
    await sim.waitFor("simulators running", "stderr");
    const lines = sim.stdout().trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    expect(readFileSync(file, "utf8")).toBe(sim.stdout());
    const env: Record<string, string> = {};
    for (const line of lines) {
      const m = /^export ([A-Z_]+)=(\S+)$/.exec(line);
      expect(m, line).not.toBeNull();
      env[m![1]!] = m![2]!;
    }
    expect(Object.keys(env).sort()).toEqual([
      "AVIDO_API_KEY",
      "AVIDO_APPLICATION_ID",
      "AVIDO_BASE_URL",
      "DUCKIE_API_KEY",
      "DUCKIE_BASE_URL",
      "DUVO_API_KEY",
      "DUVO_BASE_URL",
    ]);
    const listed = await run(["runs", "list", "--json"], baseEnv(env));
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(60);
    sim.child.kill("SIGINT");
    expect((await sim.done).code).toBe(0);
    const asJson = start(["sim", "--runs", "1", "--json"], baseEnv());
    await asJson.waitFor("simulators running", "stderr");
    expect(Object.keys(JSON.parse(asJson.stdout())).sort()).toEqual(Object.keys(env).sort());
    asJson.child.kill("SIGTERM");
    expect((await asJson.done).code).toBe(0);
  });

  it("runs in-process through main(): streams and env given, a caller's signal ends it like Ctrl-C", async () => {
    const capture = () => {
      const stream = new PassThrough();
      let text = "";
      stream.on("data", (c) => (text += c));
      return { stream, text: () => text };
    };
    const out = capture();
    const err = capture();
    expect(await main(["--version"], { stdout: out.stream, stderr: err.stream, env: {} })).toBe(0);
    expect(out.text()).toMatch(/^\d+\.\d+\.\d+\n$/);
    const usage = await main(["runs", "list"], { stdout: out.stream, stderr: err.stream, env: {} });
    expect(usage).toBe(2);
    expect(err.text()).toMatch(/no provider is configured/);
    const aborted = new AbortController();
    aborted.abort();
    const env = { DUCKIE_API_KEY: "k", DUCKIE_BASE_URL: "http://127.0.0.1:9" };
    expect(
      await main(["duckie", "runs", "list"], {
        stdout: out.stream,
        stderr: err.stream,
        env,
        signal: aborted.signal,
      }),
    ).toBe(130);
  });
});
