// Many calls at once: 1,000 concurrent calls complete, retry independently, leave memory flat and raise no warnings.
import { Duvo } from "@agentruns/duvo";
import { startDuvoSimulator } from "@agentruns/simulators";
import { expect, onTestFinished } from "vitest";
import { KEY, type Scenario } from "../scenario.js";

const group = "Concurrency";

const gc = () => (globalThis as { gc?: () => void }).gc?.();

export const concurrency: Scenario[] = [
  {
    group,
    name: "1,000 concurrent GETs, eight rounds",
    promise:
      "all succeed, no listener or other warning, retained heap flat after warm-up (< 4 MB from round 3 to 8)",
    async run({ duvo: sim }) {
      sim.faults.clear();
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url });
      const ids = sim.store.runs.slice(0, 50).map((r) => r.id);
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on("warning", onWarning);
      const heap: number[] = [];
      for (let round = 0; round < 12; round++) {
        const results = await Promise.all(
          Array.from({ length: 1_000 }, (_, i) => duvo.runs.get(ids[i % 50]!)),
        );
        expect(results.every((r, i) => r.run?.id === ids[i % 50])).toBe(true);
        gc();
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
      process.off("warning", onWarning);
      expect(warnings).toEqual([]);
      expect(heap[11]! - heap[5]!).toBeLessThan(3 * 1024 * 1024);
      return "12,000 calls succeeded, no warnings, heap flat";
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
