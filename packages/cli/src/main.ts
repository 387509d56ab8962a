// Runs the command line: parses argv, runs the command, turns every failure into a message and an exit code.
import { CommanderError } from "commander";
import { EXIT, Interrupted, OutputClosed } from "./exit-codes.js";
import { envSecrets, type Io } from "./context.js";
import { buildProgram, type Program } from "./program.js";
import { describeError, exitCodeFor } from "./report.js";
import { redactor } from "@agentruns/core";

/**
 * `agentruns …` with `argv` (without node and the script). Ctrl-C (SIGINT) and SIGTERM abort what is running: it
 * stops, closes its output so it still parses, and resolves to 130. Never throws.
 */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const controller = new AbortController();
  const streams: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    signal: controller.signal,
  };
  // A caller's signal (programmatic use) ends the command like Ctrl-C; AbortSignal.any needs Node 20, this runs on 18.
  io.signal?.addEventListener("abort", () => controller.abort(new Interrupted()), { once: true });
  if (io.signal?.aborted) controller.abort(new Interrupted());
  let presses = 0;
  const onSignal = () => {
    // A second Ctrl-C does not wait for the first to finish cleaning up.
    if (++presses > 1) process.exit(130);
    controller.abort(new Interrupted());
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // A reader that stops reading (`| head`) makes writes fail with EPIPE: everything stops, quietly.
  const onOutputError = (e: NodeJS.ErrnoException) => {
    if (!controller.signal.aborted) controller.abort(e.code === "EPIPE" ? new OutputClosed() : e);
  };
  streams.stdout.on("error", onOutputError);
  let program: Program | undefined;
  try {
    program = buildProgram(streams);
    await program.parseAsync(argv, { from: "user" });
    return program.result;
  } catch (error) {
    if (
      controller.signal.reason instanceof OutputClosed ||
      (error as NodeJS.ErrnoException)?.code === "EPIPE"
    )
      return EXIT.ok;
    if (!(error instanceof CommanderError)) {
      // Whatever the error holds, no credential reaches the terminal: the ones the command read (from a profile
      // too) and every credential-named env value, through the command's context once there is one.
      const context = program?.context;
      const redact = context ? (text: string) => context.redact(text) : redactor(envSecrets(streams.env));
      if (!(error instanceof Interrupted) && !controller.signal.aborted)
        streams.stderr.write(`${redact(`agentruns: ${describeError(error)}`)}\n`);
    }
    return exitCodeFor(error, controller.signal.aborted);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    streams.stdout.off("error", onOutputError);
  }
}
