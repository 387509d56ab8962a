// Behaviour every generated createClient() shares: credentials and base URL from options or env, no secret in errors,
// and each package README's example runs for real against a loopback server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as avido from "@agentruns/avido-openapi";
import * as duckie from "@agentruns/duckie-openapi";
import * as duvo from "@agentruns/duvo-openapi";
import { readmeExamples, runExample, startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { format } from "node:util";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Case {
  id: string;
  mod: typeof duvo | typeof avido | typeof duckie;
  /** A credential env for this provider, with the values the server must see. */
  env: Record<string, string>;
  expectHeaders: Record<string, string>;
  path: string;
  body: unknown;
}

const cases: Case[] = [
  {
    id: "duvo",
    mod: duvo,
    env: { DUVO_API_KEY: "duvo-secret-1" },
    expectHeaders: { authorization: "Bearer duvo-secret-1" },
    path: "/v1/runs",
    body: { data: [], total: 0 },
  },
  {
    id: "avido",
    mod: avido,
    env: { AVIDO_API_KEY: "avido-secret-1", AVIDO_APPLICATION_ID: "app-1" },
    expectHeaders: { "x-api-key": "avido-secret-1", "x-application-id": "app-1" },
    path: "/v0/runs",
    body: { data: [], pagination: { skip: 0, limit: 25, total: 0, totalPages: 0 } },
  },
  {
    id: "duckie",
    mod: duckie,
    env: { DUCKIE_API_KEY: "dk_live_secret" },
    expectHeaders: { authorization: "Bearer dk_live_secret" },
    path: "/api/v1/runs",
    body: { data: [], pagination: { limit: 50, next_cursor: null, has_more: false } },
  },
];

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const baseUrlVar = (id: string) => `${id.toUpperCase()}_BASE_URL`;

describe.each(cases)("@agentruns/$id-openapi createClient", (c) => {
  it("defaults to the spec's server", () => {
    expect(c.mod.provider.serverUrl).toMatch(/^https:\/\//);
  });

  it("reads credentials and the base URL from the environment", async () => {
    server.respondWith({ body: c.body });
    const client = c.mod.createClient({
      env: { ...c.env, [baseUrlVar(c.id)]: server.url },
    }) as duvo.ApiClient;
    await client.GET(c.path as "/v1/runs");
    const req = server.only();
    expect(req.pathname).toBe(c.path);
    for (const [name, value] of Object.entries(c.expectHeaders)) expect(req.headers[name]).toBe(value);
  });

  it("prefers options over the environment, and keeps caller headers", async () => {
    server.respondWith({ body: c.body });
    const options = Object.fromEntries(
      c.mod.provider.credentials.map((cr) => [cr.option, `opt-${cr.option}`]),
    );
    const client = c.mod.createClient({
      ...options,
      baseUrl: server.url,
      headers: { "x-trace": "t1" },
      env: { ...c.env, [baseUrlVar(c.id)]: "http://127.0.0.1:9" },
    }) as duvo.ApiClient;
    await client.GET(c.path as "/v1/runs");
    const req = server.only();
    expect(req.headers["x-trace"]).toBe("t1");
    for (const cr of c.mod.provider.credentials) {
      const expected = cr.kind === "bearer" ? `Bearer opt-${cr.option}` : `opt-${cr.option}`;
      expect(req.headers[cr.header.toLowerCase()]).toBe(expected);
    }
  });

  it("throws MissingCredentialError naming each missing option and env var, never a secret", () => {
    for (const cr of c.mod.provider.credentials) {
      const env = { ...c.env };
      delete env[cr.env];
      let error: unknown;
      try {
        c.mod.createClient({ env });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(c.mod.MissingCredentialError);
      const err = error as InstanceType<typeof duvo.MissingCredentialError>;
      expect(err.message).toBe(
        `Missing ${c.mod.provider.title} credential "${cr.option}": pass { ${cr.option} } to createClient() or set ${cr.env}.`,
      );
      expect([err.option, err.envVar]).toEqual([cr.option, cr.env]);
      const everything = `${err.message} ${String(err)} ${JSON.stringify(err)} ${err.stack}`;
      for (const secret of Object.values(c.env)) expect(everything).not.toContain(secret);
    }
  });

  it("treats an empty credential as missing", () => {
    const env = Object.fromEntries(Object.keys(c.env).map((k) => [k, ""]));
    expect(() => c.mod.createClient({ env })).toThrow(c.mod.MissingCredentialError);
  });

  it("runs the README example as published (built dist, by package name)", async () => {
    server.respondWith({ body: c.body });
    const [example] = await readmeExamples(path.join(repo, `packages/${c.id}-openapi/README.md`), "ts");
    expect(example).toBeDefined();
    const { stdout } = await runExample(
      path.join(repo, `packages/${c.id}-openapi`),
      example!,
      { ...c.env, [baseUrlVar(c.id)]: server.url },
      { typescript: true },
    );
    expect(stdout.trim()).toBe(format(200, c.body));
    expect(server.only().pathname).toBe(c.path);
  });
});

it("Duvo also accepts DUVO_API_BASE_URL (the official CLI's name), after DUVO_BASE_URL", async () => {
  server.respondWith({ body: { data: [], total: 0 } });
  await duvo.createClient({ env: { DUVO_API_KEY: "k", DUVO_API_BASE_URL: server.url } }).GET("/v1/runs");
  expect(server.requests).toHaveLength(1);
  expect(duvo.provider.baseUrlEnv).toEqual(["DUVO_BASE_URL", "DUVO_API_BASE_URL"]);
});

it("the root README example sends exactly the request its comment shows", async () => {
  server.respondWith({ body: { data: [], pagination: { limit: 50, next_cursor: null, has_more: false } } });
  const example = (await readmeExamples(path.join(repo, "README.md"), "ts")).find((code) =>
    code.includes("// GET "),
  );
  const shown = example!.match(/^\/\/ (GET \S+)$/m)![1];
  await runExample(
    path.join(repo, "packages/duckie-openapi"),
    example!,
    { DUCKIE_API_KEY: "dk_live_readme", DUCKIE_BASE_URL: server.url },
    { typescript: true },
  );
  const req = server.only();
  expect(`${req.method} ${req.rawUrl}`).toBe(shown);
  expect(req.headers.authorization).toBe("Bearer dk_live_readme");
});
