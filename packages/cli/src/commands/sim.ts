// `agentruns sim`: the three simulators on loopback, and the env lines that point the CLI (or any client) at them.
import { writeFileSync } from "node:fs";
import type { ProviderName } from "@agentruns/simulators";
import { Cmd as Command } from "../command.js";
import type { Context } from "../context.js";
import { write } from "../output.js";
import { PROVIDERS } from "../providers.js";
import { wholeNumber } from "../whole-number.js";

/** Made-up credentials the simulators accept (they accept any non-empty key). */
const SIM_CREDENTIALS: Record<string, string> = { apiKey: "sim-key", applicationId: "sim-app" };

export function simCommand(ctx: () => Context): Command {
  return new Command("sim")
    .description(
      "start the Duvo, Avido and Duckie simulators and print the env lines that point agentruns at them",
    )
    .option("--runs <n>", "seeded runs per simulator", "250")
    .option("--seed <n>", "seed of the generated data", "1")
    .option("--log-size <n>", "requests each simulator keeps in its log (bounds its memory)", "1000")
    .option("--no-rate-limit", "turn off the providers' documented rate limits")
    .option("--write-env <path>", "also write the env lines to this file once every simulator listens")
    .option("--json", "the variables as one JSON object instead of export lines")
    .addHelpText(
      "after",
      "\nExample:\n  agentruns sim --write-env /tmp/sim.env &   # then: set -a; . /tmp/sim.env; agentruns runs list",
    )
    .action(
      async (opts: {
        runs: string;
        seed: string;
        logSize: string;
        rateLimit: boolean;
        writeEnv?: string;
        json?: boolean;
      }) => {
        const c = ctx();
        const runs = wholeNumber(opts.runs, "--runs", 100_000);
        const seed = wholeNumber(opts.seed, "--seed", 2 ** 32 - 1);
        const maxRecordedRequests = wholeNumber(opts.logSize, "--log-size", 1_000_000);
        // Loaded here: the simulators (and their spec validator) cost start-up time every other command does not need.
        const { startSimulator } = await import("@agentruns/simulators");
        const sims = await Promise.all(
          PROVIDERS.map((p) =>
            startSimulator(p.id as ProviderName, {
              runs,
              seed,
              maxRecordedRequests,
              ...(opts.rateLimit ? {} : { rateLimit: false }),
            }),
          ),
        );
        try {
          const vars = Object.fromEntries(
            PROVIDERS.flatMap((p, i) => [
              [p.definition.baseUrlEnv[0]!, sims[i]!.url],
              ...p.definition.credentials.map((cred) => [cred.env, SIM_CREDENTIALS[cred.option] ?? "sim"]),
            ]),
          );
          const text = Object.entries(vars)
            .map(([name, value]) => `export ${name}=${value}\n`)
            .join("");
          if (opts.writeEnv) writeFileSync(opts.writeEnv, text);
          await write(c.io.stdout, opts.json ? `${JSON.stringify(vars)}\n` : text);
          c.error("agentruns: simulators running; Ctrl-C stops them");
          // Until Ctrl-C or SIGTERM.
          await new Promise<void>((resolve) => {
            if (c.io.signal.aborted) resolve();
            c.io.signal.addEventListener("abort", () => resolve(), { once: true });
          });
        } finally {
          await Promise.all(sims.map((s) => s.close()));
        }
        return 0;
      },
    );
}
