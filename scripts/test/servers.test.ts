// Where a generated client sends, for every way a spec names its server: Swagger 2.0's host, basePath and schemes (or
// a basePath alone, or a host alone), OpenAPI's absolute, relative and templated servers; each case read by the
// generator and then called over HTTP through the core with the facts it generates, a base URL given or not.
import { BaseClient, MissingBaseUrlError } from "@agentruns/core";
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverFacts } from "../src/emit/typed/provider-facts.js";
import { describeProvider, parseSpec } from "../src/provider.js";

let capture: CaptureServer;
beforeAll(async () => void (capture = await startCaptureServer()));
afterAll(() => capture.close());

const paths = {
  "/containers/json": { get: { operationId: "list", responses: { "200": { description: "ok" } } } },
};
const swagger2 = (extra: object) => ({ swagger: "2.0", info: { title: "t", version: "1" }, paths, ...extra });
const openapi3 = (servers: object[]) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  servers,
  paths,
});

/** The provider facts the generator derives from `doc`. */
async function factsOf(doc: object) {
  const d = describeProvider(
    { id: "t", title: "T", spec: "t.json" },
    await parseSpec(JSON.stringify(doc), "t.json"),
  );
  return serverFacts(d);
}

/** The path a call reaches the capture server on, with the base URL given (its origin, optionally a path). */
async function sentPath(facts: Awaited<ReturnType<typeof factsOf>>, baseUrl: string): Promise<string> {
  capture.reset();
  const client = new BaseClient<any>(
    {
      title: "T",
      provider: { ...facts, credentials: [] },
      operationTable: {
        list: { method: "GET", path: "/containers/json", pathParams: {}, query: {}, security: [] },
      },
    },
    { env: {}, baseUrl, maxRetries: 0 },
  );
  await client.request("list", {});
  return capture.only().pathname;
}

describe("servers", () => {
  it("Swagger 2.0 host + basePath + schemes is the default server, https first", async () => {
    const facts = await factsOf(
      swagger2({ host: "api.example.com", basePath: "/v2", schemes: ["https", "http"] }),
    );
    expect(facts).toMatchObject({ serverUrl: "https://api.example.com/v2" });
    expect(facts).not.toHaveProperty("serverPath");
  });

  it("Swagger 2.0 host without schemes is https", async () => {
    expect((await factsOf(swagger2({ host: "api.example.com", basePath: "/v1" }))).serverUrl).toBe(
      "https://api.example.com/v1",
    );
  });

  it("Swagger 2.0 basePath alone is a relative server: the base URL is required, and the path joined onto it", async () => {
    const facts = await factsOf(swagger2({ basePath: "/v1.41" }));
    expect(facts).toMatchObject({ serverUrl: null, serverPath: "/v1.41" });
    expect(await sentPath(facts, capture.url)).toBe("/v1.41/containers/json");
    // A base URL that already ends with the path is not given it twice; one with a path of its own keeps it.
    expect(await sentPath(facts, `${capture.url}/v1.41/`)).toBe("/v1.41/containers/json");
    expect(await sentPath(facts, `${capture.url}/docker`)).toBe("/docker/v1.41/containers/json");
    expect(
      () =>
        new BaseClient<any>(
          { title: "T", provider: { ...facts, credentials: [] }, operationTable: {} },
          { env: {} },
        ),
    ).toThrow(
      new MissingBaseUrlError(
        "T has no default server in its spec: pass { baseUrl } to new T() or set T_BASE_URL (its server is the relative /v1.41, added after it).",
      ),
    );
  });

  it("an OpenAPI relative server (`/api/v2/`, or `v2` without its slash) is the same", async () => {
    expect(await factsOf(openapi3([{ url: "/api/v2/" }]))).toMatchObject({
      serverUrl: null,
      serverPath: "/api/v2",
    });
    expect(await factsOf(openapi3([{ url: "v2" }]))).toMatchObject({ serverPath: "/v2" });
    expect(await sentPath(await factsOf(openapi3([{ url: "/api/v2/" }])), capture.url)).toBe(
      "/api/v2/containers/json",
    );
  });

  it("an absolute server is the default, replaced whole by a base URL given", async () => {
    const facts = await factsOf(openapi3([{ url: "https://api.example.com/v1/" }]));
    expect(facts).toMatchObject({ serverUrl: "https://api.example.com/v1" });
    expect(await sentPath(facts, `${capture.url}/proxy`)).toBe("/proxy/containers/json");
  });

  it("a templated server is filled with its defaults", async () => {
    const facts = await factsOf(
      openapi3([
        {
          url: "{scheme}://{host}/v3",
          variables: { scheme: { default: "https" }, host: { default: "x.io" } },
        },
      ]),
    );
    expect(facts).toMatchObject({ serverUrl: "https://x.io/v3", serverTemplate: "{scheme}://{host}/v3" });
  });
});
