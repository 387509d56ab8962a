// rawClient: the generated openapi-fetch client built from an ergonomic client sends as that client does (its
// credential, base URL and headers, its redirect guard, its debug log).
import * as avido from "@agentruns/avido-openapi";
import * as duvo from "@agentruns/duvo-openapi";
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rawClient } from "../src/index.js";
import { avidoClient, duvoClient, RUN } from "./helpers.js";

let server: CaptureServer;
let other: CaptureServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startCaptureServer(), startCaptureServer()]);
});
beforeEach(() => {
  server.reset();
  other.reset();
});
afterAll(async () => {
  await Promise.all([server?.close(), other?.close()]);
});

describe("rawClient", () => {
  it("sends with the client's credential, base URL and headers", async () => {
    server.respondWith({ body: { id: RUN } });
    const client = duvoClient({ apiKey: "sk-raw-1234", baseUrl: server.url, headers: { "x-team": "core" } });
    const raw = rawClient(client, duvo.createClient);
    const { data, response } = await raw.GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: RUN });
    const sent = server.only();
    expect(sent.pathname).toBe(`/v1/runs/${RUN}`);
    expect(sent.headers.authorization).toBe("Bearer sk-raw-1234");
    expect(sent.headers["x-team"]).toBe("core");
  });

  it("keeps the redirect guard: a header credential does not follow a redirect to another origin", async () => {
    // Avido's key travels in x-api-key, which fetch's own redirect handling would forward; the guard drops it.
    server.respondWith({ status: 307, headers: { location: `${other.url}/v0/runs` }, body: {} });
    other.respondWith({ body: { data: [], pagination: {} } });
    const client = avidoClient({ apiKey: "ak-raw-5678", applicationId: "app-1", baseUrl: server.url });
    await rawClient(client, avido.createClient).GET("/v0/runs", {});
    expect(server.only().headers["x-api-key"]).toBe("ak-raw-5678");
    expect(other.only().headers["x-api-key"]).toBeUndefined();
    expect(other.only().headers["x-application-id"]).toBeUndefined();
  });

  it("logs each request's headers at debug level with the credential masked, and nothing below it", async () => {
    const lines: { message: string; meta: unknown }[] = [];
    const logger = {
      debug: (message: string, meta?: unknown) => lines.push({ message, meta }),
      info() {},
      warn() {},
      error() {},
    };
    const debug = duvoClient({ apiKey: "sk-raw-9012", baseUrl: server.url, logger, logLevel: "debug" });
    await rawClient(debug, duvo.createClient).GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toBe(`Duvo GET /v1/runs/${RUN} headers`);
    expect(lines[0]!.meta).toMatchObject({ authorization: "[redacted]" });
    expect(JSON.stringify(lines)).not.toContain("sk-raw-9012");
    const quiet = duvoClient({ apiKey: "sk-raw-9012", baseUrl: server.url, logger, logLevel: "info" });
    await rawClient(quiet, duvo.createClient).GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
    expect(lines).toHaveLength(1);
  });
});
