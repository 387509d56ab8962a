// `agentruns api`: any operation, checked against the spec before sending; JSON out; errors that name the problem.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startCaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../../../scripts/providers.js";
import { headerOf } from "../src/commands/api.js";
import { ALL_PROVIDERS } from "../src/providers.js";
import { run, simulators, type Sims } from "./cli.js";

let sims: Sims;
beforeAll(async () => {
  sims = await simulators({ runs: 60, rateLimit: false });
});
afterAll(() => sims.close());

const api = (args: string[]) => run(["api", ...args], sims.env);

describe("agentruns api", () => {
  it("GET with typed, repeated and object query parameters, printed as JSON", async () => {
    sims.duckie.requests.length = 0;
    const result = await api([
      "duckie",
      "GET",
      "/api/v1/runs",
      "--query",
      "status=failed",
      "--query",
      "status=paused",
      "--query",
      "duration[gte]=60",
      "--query",
      "metadata.team=billing",
      "--query",
      "limit=5",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.data.length).toBeLessThanOrEqual(5);
    expect(sims.duckie.requests[0]!.rawQuery).toBe(
      "status=failed&status=paused&duration[gte]=60&limit=5&metadata.team=billing",
    );
  });

  it("a query string in the path works too, and path parameters are read from the path", async () => {
    const listed = JSON.parse((await api(["duvo", "get", "/v1/runs?limit=1&status=completed"])).stdout);
    const id = listed.data[0].id as string;
    const got = await api(["duvo", "GET", `/v1/runs/${id}`]);
    expect(JSON.parse(got.stdout).run).toMatchObject({ id, status: "completed" });
  });

  it("POST with --data JSON, @file and @- (stdin)", async () => {
    const file = path.join(tmpdir(), `agentruns-api-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({ agent_id: "0f8fad5b-d9cb-469f-a165-70867728950e", message: "from a file" }),
    );
    const created = await api(["duvo", "POST", "/v1/runs", "--data", `@${file}`]);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout).run;
    const messages = await api(["duvo", "GET", `/v1/runs/${id}/messages`]);
    expect(JSON.parse(messages.stdout).messages[0].text_content).toBe("from a file");
    const posted = await api(["duvo", "POST", `/v1/runs/${id}/messages`, "--data", '{"message":"inline"}']);
    expect(posted.code).toBe(0);
    const piped = await run(["api", "duvo", "POST", `/v1/runs/${id}/messages`, "--data", "@-"], sims.env, {
      input: '{"message":"from stdin"}',
    });
    expect(piped.code).toBe(0);
    const all = JSON.parse((await api(["duvo", "GET", `/v1/runs/${id}/messages`])).stdout).messages;
    expect(all.map((m: { text_content: string }) => m.text_content)).toEqual(
      expect.arrayContaining(["from a file", "inline", "from stdin"]),
    );
  });

  it("what the spec rejects is a usage error naming the problem, and nothing is sent", async () => {
    sims.duvo.requests.length = 0;
    sims.duckie.requests.length = 0;
    for (const [args, message] of [
      [
        ["duckie", "GET", "/api/v1/runs", "--query", "status=bogus"],
        /--query status=bogus: "bogus" is not one of completed, running/,
      ],
      [["duckie", "GET", "/api/v1/runs", "--query", "limit=500"], /limit must be <= 100/],
      [
        ["duckie", "GET", "/api/v1/runs", "--query", "colour=red"],
        /has no query parameter "colour" \(it takes: limit, cursor/,
      ],
      [["duvo", "POST", "/v1/runs", "--data", "{}"], /body\.agent_id is required/],
      [["duvo", "POST", "/v1/runs", "--data", "{nope"], /--data is not valid JSON/],
      [
        ["duvo", "POST", "/v1/runs", "--data", "@/nonexistent/body.json"],
        /cannot read \/nonexistent\/body.json/,
      ],
      [["duvo", "GET", "/v1/runs/not-a-uuid"], /run_id must be a valid uuid/],
      [
        ["duvo", "DELETE", "/v1/runs"],
        /Duvo has no operation DELETE \/v1\/runs; its operations:\n {2}GET {4}\/v1\/runs/,
      ],
      [["duvo", "GET", "/v1/runs", "--data", "{}"], /takes no request body/],
      [["acme", "GET", "/"], /unknown provider "acme"/],
    ] as const) {
      const result = await api([...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
    }
    expect(sims.duvo.requests.length + sims.duckie.requests.length).toBe(0);
  });

  it("--header takes the operation's header parameters by the spec's names, typed; any other is a usage error", async () => {
    const op = {
      method: "post",
      path: "/images/create",
      pathParams: {},
      query: {},
      header: {
        "X-Registry-Auth": { required: false, schema: { type: "string" } },
        "X-Retries": { required: false, schema: { type: "integer" } },
        "X-Tags": { required: false, schema: { type: "array", items: { type: "string" } } },
      },
    };
    expect(headerOf(op, ["x-registry-auth=abc=", "X-RETRIES=3", "x-tags=a", "x-tags=b"])).toEqual({
      "X-Registry-Auth": "abc=",
      "X-Retries": 3,
      "X-Tags": ["a", "b"],
    });
    expect(() => headerOf(op, ["X-Retries=three"])).toThrow(
      "--header X-Retries=three: It must be a whole number.",
    );
    expect(() => headerOf(op, ["X-Other=1"])).toThrow(
      'POST /images/create has no header parameter "X-Other" (it takes: X-Registry-Auth, X-Retries, X-Tags)',
    );
    expect(() => headerOf(op, ["nothing"])).toThrow('--header must be name=value, got "nothing"');
    // Through the CLI: an operation without header parameters says so, exit 2, nothing sent.
    sims.duvo.requests.length = 0;
    const result = await api(["duvo", "GET", "/v1/runs", "--header", "X-Trace=1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GET /v1/runs has no header parameter "X-Trace" (it takes none)');
    expect(sims.duvo.requests).toEqual([]);
  });

  it("an API error is exit 1", async () => {
    const result = await api(["duvo", "GET", "/v1/runs/3b241101-e2bb-4255-8caf-4136c566a962"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NotFoundError: 404 GET/);
  });
});

describe("every provider of scripts/providers.ts", () => {
  it("is in the CLI's generated registry, in providers.ts order, with its spec's operations", () => {
    expect(ALL_PROVIDERS.map((p) => p.id)).toEqual(providers.map((p) => p.id));
    for (const p of ALL_PROVIDERS) {
      expect(p.definition.title).toBe(providers.find((e) => e.id === p.id)!.title);
      expect(Object.keys(p.operations).length).toBeGreaterThan(0);
    }
  });

  it("answers `agentruns <id> api <METHOD> <path>` under its own command, as `agentruns api <id>` does", async () => {
    // Any provider: a GET of its spec without path parameters, sent to a capture server with placeholder credentials.
    const capture = await startCaptureServer();
    try {
      for (const p of ALL_PROVIDERS) {
        const op = Object.values(p.operations).find(
          (o) =>
            o.method === "GET" &&
            !o.path.includes("{") &&
            ![...Object.values(o.query), ...Object.values(o.header ?? {})].some((q) => q.required),
        );
        if (!op) continue;
        const env: Record<string, string> = { ...sims.env, [p.definition.baseUrlEnv[0]!]: capture.url };
        for (const c of p.definition.credentials) env[c.env] = `placeholder-${c.option}`;
        capture.reset();
        capture.respondWith({ body: { provider: p.id } });
        const own = await run([p.id, "api", "GET", op.path], env);
        expect(own.stderr, p.id).toBe("");
        expect(own.code, p.id).toBe(0);
        const shared = await run(["api", p.id, "GET", op.path], env);
        expect(JSON.parse(own.stdout), p.id).toEqual({ provider: p.id });
        expect(JSON.parse(shared.stdout), p.id).toEqual(JSON.parse(own.stdout));
        expect(capture.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
      }
    } finally {
      await capture.close();
    }
    const help = await run(["--help"], sims.env);
    // The tagline and the configuration line name every provider, and leave no slot empty for one without keys.
    // (The paragraph as one line: the help wraps it.)
    const tagline = /One command line[\s\S]*?(?=\n\n)/.exec(help.stdout)![0].replace(/\s+/g, " ");
    expect(help.stdout).not.toMatch(/, ,|: ,|, \(and/);
    for (const p of ALL_PROVIDERS) {
      expect(tagline, p.id).toContain(p.definition.title);
      expect(help.stdout, p.id).toContain(p.id);
      const key = p.definition.credentials[0];
      if (key) expect(help.stdout, p.id).toContain(key.env);
    }
  });
});
