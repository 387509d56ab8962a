// Many calls at once: 1,000 concurrent calls complete, retry independently, leave memory flat and raise no warnings.
import { Duvo } from "../clients.js";
import { startDuvoSimulator } from "@agentruns/simulators";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, onTestFinished } from "vitest";
import { KEY, until, type Scenario } from "../scenario.js";

const simBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@agentruns/simulators/package.json")),
  "bin/agentruns-sim.js",
);

const group = "Concurrency";

const gc = () => (globalThis as { gc?: () => void }).gc?.();

export const concurrency: Scenario[] = [
  {
    group,
    name: "1,000 concurrent GETs, sixteen rounds, simulator in another process",
    timeoutMs: 240_000,
    promise:
      "all succeed, no listener or other warning; this process's heap stays flat after warm-up: the median of rounds 12–16 within 8 MB of rounds 7–11, i.e. under 1.6 kB per call (about 1.5 MB when the machine is idle; the connection pool grows under load)",
    async run() {
      // The simulator runs as its own process, so this heap holds only the client and the test.
      const sim = spawn(process.execPath, [simBin, "duvo", "--runs", "50", "--no-rate-limit", "--quiet"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      onTestFinished(() => void sim.kill());
      let out = "";
      sim.stdout.on("data", (c) => (out += c));
      await until(() => out.includes("listening"), 15_000);
      const url = /listening on (\S+)/.exec(out)![1]!;
      const duvo = new Duvo({ apiKey: KEY, baseUrl: url });
      const first = await duvo.runs.list({ limit: 50 });
      const ids = first.data.map((r) => r.id);
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on("warning", onWarning);
      const heap: number[] = [];
      for (let round = 0; round < 16; round++) {
        const results = await Promise.all(
          Array.from({ length: 1_000 }, (_, i) => duvo.runs.get(ids[i % ids.length]!)),
        );
        expect(results.every((r, i) => r.run?.id === ids[i % ids.length])).toBe(true);
        gc();
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
      process.off("warning", onWarning);
      expect(warnings).toEqual([]);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
      expect(median(heap.slice(11, 16)) - median(heap.slice(6, 11))).toBeLessThan(8 * 1024 * 1024);
      return "16,000 calls succeeded, no warnings, heap flat";
    },
  },
  {
    group,
    name: "1,000 concurrent GETs while 100 connections are reset",
    promise: "each failed call retries on its own: all 1,000 succeed, the server sees 1,100 requests",
    async run() {
      const sim = await startDuvoSimulator({ runs: 1, rateLimit: false, maxRecordedRequests: 5_000 });
      onTestFinished(() => sim.close());
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
      const id = sim.store.runs[0]!.id;
      sim.faults.inject({
        match: { operationId: "getRun" },
        times: 100,
        action: { type: "reset", when: "before-handler" },
      });
      const before = sim.count("getRun");
      const results = await Promise.all(Array.from({ length: 1_000 }, () => duvo.runs.get(id)));
      expect(results.every((r) => r.run?.id === id)).toBe(true);
      expect(sim.count("getRun") - before).toBe(1_100);
      return "1,000 succeeded; 1,100 requests";
    },
  },
];
