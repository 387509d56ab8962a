// `pnpm bench`: what the client adds to a request over raw fetch, against a loopback server (no network).
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { createClient } from "@agentruns/duvo-openapi";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { Duvo } from "../src/index.js";

const RUN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const body = {
  run: {
    id: RUN,
    agent_id: RUN,
    build_id: RUN,
    status: "running",
    source: "api",
    sandbox_id: null,
    started_at: null,
    completed_at: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    human_in_the_loop_enabled: true,
  },
};
let server: CaptureServer;
let duvo: Duvo;
let typed: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startCaptureServer();
  server.respondWith({ body });
  duvo = new Duvo({ apiKey: "k", baseUrl: server.url, env: {} });
  typed = createClient({ apiKey: "k", baseUrl: server.url, env: {} });
});
afterAll(() => server.close());

describe("GET /v1/runs/{run_id}", () => {
  bench("raw fetch", async () => {
    const res = await fetch(`${server.url}/v1/runs/${RUN}`, { headers: { authorization: "Bearer k" } });
    await res.json();
    server.reset();
  });
  bench("@agentruns/duvo-openapi (openapi-fetch)", async () => {
    await typed.GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
    server.reset();
  });
  bench("@agentruns/duvo (validation, retries, time-outs)", async () => {
    await duvo.runs.get(RUN);
    server.reset();
  });
});
