// The fault matrix: every named scenario against real loopback servers, in order, then docs/reliability.md checked
// against what this run observed (UPDATE_RELIABILITY_DOC=1 rewrites it).
import { startAvidoSimulator, startDuckieSimulator, startDuvoSimulator } from "@agentruns/simulators";
import { startCaptureServer, startRawServer } from "@agentruns/testkit";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undiciTransport } from "@agentruns/core/undici";
import { useTransport } from "./clients.js";
import { renderReliabilityDoc, type Observed } from "./render.js";
import type { Ctx, Scenario } from "./scenario.js";
import { cancellation } from "./scenarios/cancellation.js";
import { concurrency } from "./scenarios/concurrency.js";
import { input } from "./scenarios/input.js";
import { mcp } from "./scenarios/mcp.js";
import { network } from "./scenarios/network.js";
import { pagination } from "./scenarios/pagination.js";
import { rateLimits } from "./scenarios/rate-limits.js";
import { redirects } from "./scenarios/redirects.js";
import { secrets } from "./scenarios/secrets.js";
import { simulators } from "./scenarios/simulators.js";
import { statuses } from "./scenarios/statuses.js";

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/reliability.md");

const ALL: Scenario[] = [
  ...network,
  ...statuses,
  ...rateLimits,
  ...pagination,
  ...cancellation,
  ...concurrency,
  ...redirects,
  ...input,
  ...secrets,
  ...simulators,
  ...mcp,
];

const ctx = {} as Ctx;
const observed = new Map<Scenario, string>();

beforeAll(async () => {
  const common = { rateLimit: false as const, validateResponses: true };
  [ctx.duvo, ctx.avido, ctx.duckie, ctx.capture, ctx.other, ctx.raw] = await Promise.all([
    startDuvoSimulator({ ...common, runs: 120 }),
    startAvidoSimulator({ ...common, runs: 80 }),
    startDuckieSimulator({ ...common, runs: 90 }),
    startCaptureServer(),
    startCaptureServer(),
    startRawServer(),
  ]);
});

afterAll(async () => {
  await Promise.all(
    [ctx.duvo, ctx.avido, ctx.duckie, ctx.capture, ctx.other, ctx.raw].map((s) => s?.close()),
  );
});

it("has at least 60 distinct named scenarios", () => {
  expect(ALL.length).toBeGreaterThanOrEqual(60);
  expect(new Set(ALL.map((s) => `${s.group}/${s.name}`)).size).toBe(ALL.length);
});

for (const group of [...new Set(ALL.map((s) => s.group))]) {
  describe(group, () => {
    for (const scenario of ALL.filter((s) => s.group === group)) {
      it(scenario.name, { timeout: scenario.timeoutMs ?? 60_000 }, async () => {
        observed.set(scenario, await scenario.run(ctx));
      });
    }
  });
}

/**
 * The groups whose outcome depends on how bytes are sent and read (connections, statuses, time-outs and aborts,
 * redirects, pages, what reaches the wire): run again on undici.request, each with the fetch pass's outcome. Input
 * checks happen before any transport, and load and the simulators' own behaviour do not depend on it.
 */
const ON_BOTH = new Set(["Network", "HTTP statuses", "Cancellation", "Redirects", "Pagination", "Secrets"]);

describe("on the undici transport (@agentruns/core/undici)", () => {
  beforeAll(() => useTransport(undiciTransport()));
  afterAll(() => useTransport(undefined));
  for (const scenario of ALL.filter((s) => ON_BOTH.has(s.group))) {
    // Each scenario asserts its exact outcome itself (the words can differ with the simulators' state, which the
    // first pass changed: a count of runs).
    it(`${scenario.group}: ${scenario.name}`, { timeout: scenario.timeoutMs ?? 60_000 }, async () => {
      await scenario.run(ctx);
    });
  }
});

describe("docs/reliability.md", () => {
  it("matches what this run observed", () => {
    const missing = ALL.filter((s) => !observed.has(s)).map((s) => s.name);
    if (missing.length) return; // failed scenarios already fail the run; only a complete run may rewrite the page
    const results: Observed[] = ALL.map((scenario) => ({ scenario, outcome: observed.get(scenario)! }));
    const soakFile = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      "../soak/mcp-soak.result.json",
    );
    const soak = existsSync(soakFile) ? JSON.parse(readFileSync(soakFile, "utf8")) : undefined;
    const doc = renderReliabilityDoc(results, soak);
    if (process.env.UPDATE_RELIABILITY_DOC === "1") writeFileSync(DOC, doc);
    expect(readFileSync(DOC, "utf8"), "docs/reliability.md is stale: run `pnpm reliability:doc`").toBe(doc);
    // Every simulator stayed within the spec while under fire.
    expect([...ctx.duvo.violations, ...ctx.avido.violations, ...ctx.duckie.violations]).toEqual([]);
  });
});
