// Logging: one line per attempt with method, path, status, time and attempt; levels; no credential ever printed.
import { ManualClock, startDuvoSimulator, type DuvoSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger, LogLevel } from "../src/index.js";
import { duvoClient, rejection } from "./helpers.js";

const KEY = "duvo_live_topsecret_42";
let sim: DuvoSimulator;
beforeAll(async () => {
  sim = await startDuvoSimulator({ clock: new ManualClock(), runs: 3, rateLimit: false });
});
afterAll(() => sim.close());

function recorder() {
  const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    lines.push({ level, message, meta });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { lines, logger };
}
const client = (logger: Logger, logLevel?: LogLevel) =>
  duvoClient({ apiKey: KEY, baseUrl: sim.url, logger, logLevel, retry: { baseDelayMs: 1, maxDelayMs: 1 } });

describe("logger", () => {
  it("logs one info line per successful request", async () => {
    const { lines, logger } = recorder();
    const id = sim.store.runs[0]!.id;
    await client(logger).request("getRun", { path: { run_id: id } });
    expect(lines).toEqual([
      {
        level: "info",
        message: expect.stringMatching(new RegExp(`^Duvo GET /v1/runs/${id} 200 \\d+ms attempt 1$`)),
        meta: undefined,
      },
    ]);
  });

  it("logs each failed attempt as a warning and the final failure as an error", async () => {
    const { lines, logger } = recorder();
    sim.faults.failNext(3, 503);
    await rejection(client(logger).request("listRuns", {}));
    expect(lines.map((l) => [l.level, l.message.replace(/\d+ms/g, "Nms")])).toEqual([
      ["warn", "Duvo GET /v1/runs 503 Nms attempt 1, retrying in Nms"],
      ["warn", "Duvo GET /v1/runs 503 Nms attempt 2, retrying in Nms"],
      ["error", "Duvo GET /v1/runs 503 Nms attempt 3"],
    ]);
    expect(lines[2]!.meta).toEqual({ requestId: expect.stringMatching(/^req_/) });
  });

  it("respects the level and prints headers at debug with credentials redacted", async () => {
    const quiet = recorder();
    await client(quiet.logger, "warn").request("listRuns", {});
    expect(quiet.lines).toEqual([]);
    const loud = recorder();
    await client(loud.logger, "debug").request("listRuns", {});
    const debug = loud.lines.find((l) => l.level === "debug")!;
    expect(debug.message).toBe("Duvo GET /v1/runs headers");
    expect(debug.meta).toMatchObject({ authorization: "[redacted]" });
    expect(JSON.stringify(loud.lines)).not.toContain(KEY);
  });

  it("is silent without a logger", async () => {
    await expect(
      duvoClient({ apiKey: KEY, baseUrl: sim.url }).request("listRuns", {}),
    ).resolves.toBeDefined();
  });
});
