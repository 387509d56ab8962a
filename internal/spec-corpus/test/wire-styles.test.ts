// Every request as the spec describes it, byte for byte on the wire, through both packages and, for the ergonomic
// one, both transports (fetch and undici.request): parameter styles in every location, a path key with a fragment,
// a GET that declares a body, and a body's Content-Length under per-operation auth (fixtures/generality/parameter-
// styles.openapi.json, which the generality suite also builds).
import { undiciTransport } from "@agentruns/core/undici";
import { ValidationError } from "@agentruns/core";
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages, type BuiltPackages } from "./built-packages.js";

let built: BuiltPackages;
let capture: CaptureServer;
beforeAll(async () => {
  built = await buildPackages("fixtures/generality/parameter-styles.openapi.json", "styles", "Styles");
  capture = await startCaptureServer();
}, 180_000);
afterAll(async () => {
  await capture?.close();
  await built?.remove();
});

const options = { key: "k-1", apiKey: "b-1", env: {} };

/** What each call must put on the wire: the path and query exactly, and the headers that carry parameters. */
const CASES = [
  {
    name: "query: form without explode, spaceDelimited, pipeDelimited, deepObject, form-exploded object and array; a header list; a cookie list",
    typed: (c: any) =>
      c.GET("/search", {
        params: {
          query: {
            type: ["album", "artist"],
            ids: [1, 2],
            tags: ["a b", "c"],
            filter: { owner: "me", state: "open" },
            point: { x: 1, y: 2 },
            many: ["p", "q"],
          },
          header: { "X-Ids": ["i1", "i2"] },
          cookie: { prefs: ["dark", "compact"] },
        },
      }),
    ergonomic: (c: any) =>
      c.search.list({
        type: ["album", "artist"],
        ids: [1, 2],
        tags: ["a b", "c"],
        filter: { owner: "me", state: "open" },
        point: { x: 1, y: 2 },
        many: ["p", "q"],
        "X-Ids": ["i1", "i2"],
        prefs: ["dark", "compact"],
      }),
    url: "/search?type=album,artist&ids=1%202&tags=a%20b|c&filter[owner]=me&filter[state]=open&x=1&y=2&many=p&many=q",
    headers: { "x-ids": "i1,i2", cookie: "prefs=dark,compact" },
  },
  {
    name: "path: simple list",
    typed: (c: any) => c.GET("/items/{ids}", { params: { path: { ids: [3, 4, 5] } } }),
    ergonomic: (c: any) => c.items.get([3, 4, 5]),
    url: "/items/3,4,5",
  },
  {
    name: "path: label list",
    typed: (c: any) => c.GET("/labels/{id}", { params: { path: { id: ["a", "b"] } } }),
    ergonomic: (c: any) => c.labels.get(["a", "b"]),
    url: "/labels/.a,b",
  },
  {
    name: "path: matrix list, exploded",
    typed: (c: any) => c.GET("/points/{coords}", { params: { path: { coords: [1, 2] } } }),
    ergonomic: (c: any) => c.points.get([1, 2]),
    url: "/points/;coords=1;coords=2",
  },
  {
    name: "a path key with a fragment: the route alone, and its required query",
    typed: (c: any) =>
      c.DELETE("/tags/{resourceArn}#tagKeys", {
        params: { path: { resourceArn: "arn:x" }, query: { tagKeys: ["k1", "k2"] } },
      }),
    ergonomic: (c: any) => c.tags.delete("arn:x", { tagKeys: ["k1", "k2"] }),
    url: "/tags/arn%3Ax?tagKeys=k1&tagKeys=k2",
  },
] as const;

describe.each([
  ["the typed package (openapi-fetch)", "typed"],
  ["the ergonomic package on fetch", "fetch"],
  ["the ergonomic package on undici.request", "undici"],
] as const)("%s", (_, via) => {
  const make = () =>
    via === "typed"
      ? built.typed.createClient({ ...options, baseUrl: capture.url })
      : new built.client.StylesClient({
          ...options,
          baseUrl: capture.url,
          maxRetries: 0,
          ...(via === "undici" ? { transport: undiciTransport() } : {}),
        });

  it.each(CASES)("$name", async (c) => {
    capture.reset();
    capture.respondWith({
      status: c.url.startsWith("/tags") ? 204 : 200,
      body: c.url.startsWith("/tags") ? "" : {},
    });
    const client = make();
    await (via === "typed" ? c.typed(client) : c.ergonomic(client));
    const sent = capture.only();
    expect(sent.rawUrl).toBe(c.url);
    for (const [name, value] of Object.entries("headers" in c ? c.headers : {}))
      expect(sent.headers[name], name).toBe(value);
  });

  it("a body keeps its Content-Length, under per-operation auth", async () => {
    capture.reset();
    capture.respondWith({ status: 201, body: {} });
    const client = make();
    await (via === "typed"
      ? client.POST("/notes", { body: { text: "héllo" } })
      : client.notes.create({ text: "héllo" }));
    const sent = capture.only();
    expect(sent.headers["content-length"]).toBe(String(Buffer.byteLength('{"text":"héllo"}')));
    expect(sent.headers["transfer-encoding"]).toBeUndefined();
    expect(sent.headers.authorization).toBe("Bearer b-1");
  });
});

describe("a GET that declares a request body", () => {
  it("is a generation warning naming its pointer", () => {
    expect(built.warnings.join("\n")).toContain(
      "#/paths/~1reports/get/requestBody: a GET with a request body, which fetch cannot send",
    );
  });

  it("is a ValidationError at the call, before any request, never retried", async () => {
    capture.reset();
    const client = new built.client.StylesClient({ ...options, baseUrl: capture.url });
    const e = await client.reports.list({ q: "x" }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe("body");
    expect((e as Error).message).toContain("the spec gives this GET a request body, which fetch cannot send");
    expect(capture.requests).toHaveLength(0);
  });
});
