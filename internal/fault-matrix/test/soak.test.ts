// The soak's machinery, briefly: the real `agentruns-mcp --http` under a few seconds of the soak's mixed load (sessions
// closed and dropped, lists, pages, creates, waits) answers every call without an error and reports its memory.
import { expect, it } from "vitest";
import { soak } from "../soak/mcp-soak.js";

it("serves a few seconds of the soak's load with no error", { timeout: 120_000 }, async () => {
  const result = await soak({ durationMs: 3_000, clients: 5, samplesAtMs: [1_000] });
  expect(result.errors).toEqual([]);
  // Every client ran at least one session (under load, three seconds may hold no more).
  expect(result.sessions).toBeGreaterThanOrEqual(5);
  expect(result.sessionsDropped).toBeGreaterThan(0);
  expect(result.toolCalls).toBeGreaterThan(result.sessions * 3);
  expect(result.rssMb.length).toBe(3);
});
