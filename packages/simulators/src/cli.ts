// `agentruns-sim <provider>`: run a simulator from the command line until interrupted.
import { parseArgs } from "node:util";
import { ManualClock } from "./clock.js";
import { PROVIDERS, startSimulator, type ProviderName } from "./index.js";

const USAGE = `Usage: agentruns-sim <${PROVIDERS.join("|")}> [--port 4010] [--host 127.0.0.1] [--seed 1] [--runs 250]
                     [--log-size 1000] [--api-key KEY ...] [--no-rate-limit] [--quiet]

Starts a stateful simulator of the provider's API (real HTTP, validated against the vendored spec).
Any non-empty API key is accepted unless --api-key is given. --log-size bounds the request log (and the
response violations and webhook deliveries kept), so a simulator left running stays within its memory.`;

/** Upper bounds of the numeric flags: a port, a data set that fits in memory, a 32-bit seed. */
const LIMITS = { port: 65_535, runs: 100_000, seed: 2 ** 32 - 1, "log-size": 1_000_000 };

/** One line saying why the simulator could not listen. */
function listenProblem(e: unknown, host: string, port: number): string {
  const code = (e as { code?: string })?.code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE")
    return `port ${port} is already in use on ${host}; pick another with --port (0 picks a free one)`;
  if (code === "EACCES") return `not allowed to listen on ${where} (ports below 1024 need privileges)`;
  if (code === "EADDRNOTAVAIL") return `${host} is not an address of this machine (--host)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `cannot resolve --host ${host}`;
  return `cannot listen on ${where}: ${(e as Error)?.message ?? e}`;
}

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
        "log-size": { type: "string", default: "1000" },
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
  const numbers = {
    port: Number(values.port),
    seed: Number(values.seed),
    runs: Number(values.runs),
    "log-size": Number(values["log-size"]),
  };
  for (const [name, n] of Object.entries(numbers)) {
    const max = LIMITS[name as keyof typeof LIMITS];
    if (!/^\d+$/.test(values[name as "port"]) || !Number.isSafeInteger(n) || n > max) {
      console.error(
        `agentruns-sim: --${name} must be a whole number from 0 to ${max}, got "${values[name as "port"]}"`,
      );
      return 2;
    }
  }
  let sim;
  try {
    const { "log-size": maxRecordedRequests, ...rest } = numbers;
    sim = await startSimulator(provider, {
      ...rest,
      maxRecordedRequests,
      host: values.host,
      apiKeys: values["api-key"],
      rateLimit: values["no-rate-limit"] ? false : undefined,
      clock: values["manual-clock"] ? new ManualClock() : undefined,
      logger: values.quiet ? undefined : (line) => console.log(line),
    });
  } catch (e) {
    console.error(`agentruns-sim: ${listenProblem(e, values.host, numbers.port)}`);
    return 1;
  }
  console.log(
    `${provider} simulator listening on ${sim.url} (${numbers.runs} seeded runs, seed ${numbers.seed}, log of ${numbers["log-size"]} requests)`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sim.close();
  return 0;
}
