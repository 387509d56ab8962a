// `agentruns-sim <provider>`: run a simulator from the command line until interrupted.
import { parseArgs } from "node:util";
import { ManualClock } from "./clock.js";
import { PROVIDERS, startSimulator, type ProviderName } from "./index.js";

const USAGE = `Usage: agentruns-sim <${PROVIDERS.join("|")}> [--port 4010] [--host 127.0.0.1] [--seed 1] [--runs 250]
                     [--api-key KEY ...] [--no-rate-limit] [--quiet]

Starts a stateful simulator of the provider's API (real HTTP, validated against the vendored spec).
Any non-empty API key is accepted unless --api-key is given.`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: "string", default: "0" },
        host: { type: "string", default: "127.0.0.1" },
        seed: { type: "string", default: "1" },
        runs: { type: "string", default: "250" },
        "api-key": { type: "string", multiple: true },
        "no-rate-limit": { type: "boolean", default: false },
        "manual-clock": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return (console.log(USAGE), 0);
  const provider = positionals[0] as ProviderName | undefined;
  if (!provider || !PROVIDERS.includes(provider) || positionals.length > 1) {
    console.error(
      `${provider ? `Unknown provider "${positionals.join(" ")}".` : "Missing provider."}\n\n${USAGE}`,
    );
    return 2;
  }
  const numbers = { port: Number(values.port), seed: Number(values.seed), runs: Number(values.runs) };
  for (const [name, n] of Object.entries(numbers)) {
    if (!Number.isInteger(n) || n < 0) {
      console.error(`--${name} must be a whole number >= 0, got "${values[name as "port"]}"`);
      return 2;
    }
  }
  const sim = await startSimulator(provider, {
    ...numbers,
    host: values.host,
    apiKeys: values["api-key"],
    rateLimit: values["no-rate-limit"] ? false : undefined,
    clock: values["manual-clock"] ? new ManualClock() : undefined,
    logger: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(
    `${provider} simulator listening on ${sim.url} (${numbers.runs} seeded runs, seed ${numbers.seed})`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sim.close();
  return 0;
}
