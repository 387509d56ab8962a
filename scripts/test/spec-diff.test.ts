// The spec differ: one fixture pair per rule (a base spec and one edit of it), the semver and changeset rules,
// and a real-world pair: Avido's stale example shape against its current RunOutput schema.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bumpFor, changesets, summarize, worst } from "../src/diff/report.js";
import { normalize, sameJson } from "../src/diff/deref.js";
import { diffSpecs, type Change } from "../src/diff/rules.js";
import { parseSpecText } from "../src/provider.js";

type Json = Record<string, any>;
const dir = path.dirname(fileURLToPath(import.meta.url));
const load = (file: string) => parseSpecText(readFileSync(file, "utf8"), file);
const base = () => load(path.join(dir, "fixtures/diff/base.yaml"));

/** The changes an edit of the base spec makes, as [level, rule] pairs. */
function classify(edit: (doc: Json) => void): [string, string][] {
  const next = base();
  edit(next);
  return diffSpecs(base(), next).map((c) => [c.level, c.rule]);
}

const list = (d: Json) => d.paths["/runs"].get;
const create = (d: Json) => d.paths["/runs"].post;
const param = (d: Json, name: string) => list(d).parameters.find((p: Json) => p.name === name);
const body = (d: Json) => create(d).requestBody.content["application/json"].schema;
const run = (d: Json) => d.components.schemas.Run;

describe("operations", () => {
  it("no change → nothing", () => expect(classify(() => {})).toEqual([]));
  it("removed operation → breaking", () =>
    expect(classify((d) => delete d.paths["/runs"].post)).toEqual([["breaking", "operation.removed"]]));
  it("new operation → feature", () =>
    expect(
      classify(
        (d) =>
          (d.paths["/runs/{id}"] = {
            get: { operationId: "getRun", responses: { "200": { description: "ok" } } },
          }),
      ),
    ).toEqual([["feature", "operation.added"]]));
  it("changed path → breaking (the old one is gone)", () =>
    expect(
      classify((d) => {
        d.paths["/v2/runs"] = d.paths["/runs"];
        delete d.paths["/runs"];
      }),
    ).toEqual([
      ["breaking", "operation.removed"],
      ["breaking", "operation.removed"],
      ["feature", "operation.added"],
      ["feature", "operation.added"],
    ]));
  it("changed method → breaking", () =>
    expect(
      classify((d) => {
        d.paths["/runs"].put = d.paths["/runs"].post;
        delete d.paths["/runs"].post;
      }),
    ).toEqual([
      ["breaking", "operation.removed"],
      ["feature", "operation.added"],
    ]));
  it("renamed operationId → breaking", () =>
    expect(classify((d) => (list(d).operationId = "runsList"))).toEqual([
      ["breaking", "operation.id-changed"],
    ]));
  it("changed auth → breaking", () => {
    expect(
      classify(
        (d) =>
          (d.components.securitySchemes.bearerAuth = { type: "apiKey", in: "header", name: "x-api-key" }),
      ),
    ).toEqual([["breaking", "spec.security-schemes-changed"]]);
    expect(classify((d) => (list(d).security = []))).toEqual([["breaking", "operation.auth-changed"]]);
  });
  it("changed default server → breaking", () =>
    expect(classify((d) => (d.servers[0].url = "https://eu.example.test"))).toEqual([
      ["breaking", "spec.server-changed"],
    ]));
});

describe("parameters", () => {
  it("removed parameter → breaking", () =>
    expect(classify((d) => list(d).parameters.splice(1, 1))).toEqual([["breaking", "parameter.removed"]]));
  it("new required parameter → breaking; new optional one → feature", () => {
    expect(
      classify((d) =>
        list(d).parameters.push({ name: "team", in: "query", required: true, schema: { type: "string" } }),
      ),
    ).toEqual([["breaking", "parameter.required-added"]]);
    expect(
      classify((d) => list(d).parameters.push({ name: "team", in: "query", schema: { type: "string" } })),
    ).toEqual([["feature", "parameter.optional-added"]]);
  });
  it("optional → required → breaking; required → optional → feature", () => {
    expect(classify((d) => (param(d, "limit").required = true))).toEqual([
      ["breaking", "parameter.became-required"],
    ]);
  });
  it("request enum: a value removed → breaking; added → feature", () => {
    expect(classify((d) => (param(d, "status").schema.enum = ["pending"]))).toEqual([
      ["breaking", "enum.value-removed"],
    ]);
    expect(classify((d) => (param(d, "status").schema.enum = ["pending", "done", "failed"]))).toEqual([
      ["feature", "enum.value-added"],
    ]);
  });
  it("tighter range → breaking; looser range → feature", () => {
    expect(classify((d) => (param(d, "limit").schema.maximum = 50))).toEqual([
      ["breaking", "constraint.maximum"],
    ]);
    expect(classify((d) => (param(d, "limit").schema.maximum = 500))).toEqual([
      ["feature", "constraint.maximum"],
    ]);
    expect(classify((d) => delete param(d, "limit").schema.minimum)).toEqual([
      ["feature", "constraint.minimum"],
    ]);
  });
  it("narrowed type → breaking; widened → feature", () => {
    expect(classify((d) => (param(d, "limit").schema.type = "string"))).toEqual([
      ["breaking", "schema.type-changed"],
    ]);
    expect(classify((d) => (param(d, "limit").schema.type = ["integer", "string"]))).toEqual([
      ["feature", "schema.type-widened"],
    ]);
  });
  it("changed serialization → breaking", () =>
    expect(classify((d) => (param(d, "tag").explode = false))).toEqual([
      ["breaking", "parameter.serialization-changed"],
    ]));
});

describe("request bodies", () => {
  it("new required field → breaking; new optional field → feature", () => {
    expect(
      classify((d) => {
        body(d).properties.priority = { type: "integer" };
        body(d).required.push("priority");
      }),
    ).toEqual([["breaking", "property.required-added"]]);
    expect(classify((d) => (body(d).properties.priority = { type: "integer" }))).toEqual([
      ["feature", "property.optional-added"],
    ]);
  });
  it("removed field → breaking (it would be rejected now)", () =>
    expect(classify((d) => delete body(d).properties.message)).toEqual([
      ["breaking", "property.removed-request"],
    ]));
  it("optional field made required → breaking", () =>
    expect(classify((d) => body(d).required.push("message"))).toEqual([
      ["breaking", "property.became-required"],
    ]));
  it("a new format or pattern → breaking", () =>
    expect(classify((d) => (body(d).properties.message.pattern = "^[a-z]+$"))).toEqual([
      ["breaking", "constraint.pattern"],
    ]));
  it("closing the object → breaking; opening it → feature", () => {
    expect(classify((d) => (body(d).additionalProperties = true))).toEqual([["feature", "object.opened"]]);
  });
  it("a required body where there was none → breaking", () =>
    expect(
      classify(
        (d) =>
          (list(d).requestBody = {
            required: true,
            content: { "application/json": { schema: { type: "object" } } },
          }),
      ),
    ).toEqual([["breaking", "body.required-added"]]));
});

describe("responses", () => {
  it("removed field → breaking; new field → feature", () => {
    expect(classify((d) => delete run(d).properties.score)).toEqual([
      ["breaking", "property.removed"],
      ["breaking", "property.removed"],
    ]);
    expect(classify((d) => (run(d).properties.agent = { type: "string" }))).toEqual([
      ["feature", "property.added"],
      ["feature", "property.added"],
    ]);
  });
  it("a required field that may now be absent → breaking", () => {
    const changes = classify((d) => (run(d).required = ["id", "status"]));
    expect(changes).toEqual([
      ["breaking", "property.may-be-absent"],
      ["breaking", "property.may-be-absent"],
    ]);
  });
  it("a new enum value → breaking (exhaustive switches over the generated union stop compiling)", () => {
    expect(classify((d) => run(d).properties.status.enum.push("failed"))).toEqual([
      ["breaking", "enum.value-added"],
      ["breaking", "enum.value-added"],
    ]);
  });
  it("may now be null → breaking; never null any more → feature", () => {
    expect(classify((d) => (run(d).properties.created_at.type = ["string", "null"]))).toEqual([
      ["breaking", "schema.type-widened"],
      ["breaking", "schema.type-widened"],
    ]);
    expect(
      classify(
        (d) => (list(d).responses["200"].content["application/json"].schema.properties.next.type = "string"),
      ),
    ).toEqual([["feature", "schema.type-narrowed"]]);
  });
  it("changed value constraints only document → patch", () =>
    expect(classify((d) => (run(d).properties.score.maximum = 100))).toEqual([
      ["patch", "constraint.maximum"],
      ["patch", "constraint.maximum"],
    ]));
  it("a new success status → breaking; a new error status → feature; a removed error status → feature", () => {
    expect(classify((d) => (create(d).responses["202"] = { description: "queued" }))).toEqual([
      ["breaking", "response.added"],
    ]);
    expect(classify((d) => (create(d).responses["409"] = { description: "conflict" }))).toEqual([
      ["feature", "response.added"],
    ]);
    expect(classify((d) => delete list(d).responses["400"])).toEqual([["feature", "response.removed"]]);
  });
});

describe("everything else", () => {
  it("descriptions, summaries and examples only → patch", () =>
    expect(
      classify((d) => {
        param(d, "limit").description = "How many runs per page.";
        list(d).summary = "List the runs";
        run(d).properties.id.example = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
      }),
    ).toEqual([["patch", "docs.changed"]]));
  it("a change no rule knows is never passed as docs: breaking, for review", () =>
    expect(classify((d) => (param(d, "tag").schema.uniqueItems = true))).toEqual([
      ["breaking", "spec.unclassified"],
    ]));
});

describe("semver and changesets", () => {
  const changes: Change[] = [
    {
      level: "breaking",
      rule: "property.removed",
      operation: "GET /runs",
      message: "response 200 body.data[].score was removed",
    },
    {
      level: "feature",
      rule: "parameter.optional-added",
      operation: "GET /runs",
      message: "query parameter team was added (optional)",
    },
  ];

  it("maps levels to bumps, with 0.x semantics", () => {
    expect([bumpFor("breaking", "1.2.0"), bumpFor("feature", "1.2.0"), bumpFor("patch", "1.2.0")]).toEqual([
      "major",
      "minor",
      "patch",
    ]);
    expect([bumpFor("breaking", "0.3.1"), bumpFor("feature", "0.3.1"), bumpFor("patch", "0.3.1")]).toEqual([
      "minor",
      "patch",
      "patch",
    ]);
    expect(worst(changes)).toBe("breaking");
    expect(worst([])).toBeUndefined();
  });

  it("writes a changeset for the generated package and, when its types changed, for the wrapper", () => {
    const files = changesets(
      "Acme",
      changes,
      { name: "@agentruns/acme-openapi", version: "1.0.0" },
      { name: "@agentruns/acme", version: "0.4.0" },
      "acme",
    );
    expect(files.map((f) => f.name)).toEqual(["acme-openapi.md", "acme-client.md"]);
    expect(files[0]!.content).toBe(
      `---\n"@agentruns/acme-openapi": major\n---\n\nAcme API spec update (breaking):\n\nBreaking changes:\n- GET /runs: response 200 body.data[].score was removed\n\nNew features:\n- GET /runs: query parameter team was added (optional)\n`,
    );
    expect(files[1]!.content).toMatch(
      /^---\n"@agentruns\/acme": minor\n---\n\nFollows the Acme API spec update: the generated types this package re-exports changed for GET \/runs\. Code that reads/,
    );
    const docsOnly = changesets(
      "Acme",
      [{ level: "patch", rule: "docs.changed", operation: "spec", message: "descriptions changed" }],
      { name: "@agentruns/acme-openapi", version: "1.0.0" },
      { name: "@agentruns/acme", version: "1.0.0" },
      "acme",
    );
    expect(docsOnly.map((f) => f.name)).toEqual(["acme-openapi.md"]);
    expect(docsOnly[0]!.content).toContain('"@agentruns/acme-openapi": patch');
  });
});

describe("real-world pair: Avido's stale example vs its current RunOutput schema", () => {
  const current = load(path.join(dir, "../../specs/avido.openapi.yaml"));
  // The shape the spec's own 200 example shows (id "run_1", orgId, taskId, threadId, evals), as a schema.
  const stale = structuredClone(current);
  stale.components.schemas.RunOutput = {
    type: "object",
    required: ["id", "orgId", "createdAt", "modifiedAt", "taskId", "threadId", "evals"],
    properties: {
      id: { type: "string" },
      orgId: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
      modifiedAt: { type: "string", format: "date-time" },
      taskId: { type: "string" },
      threadId: { type: ["string", "null"] },
      evals: { type: "array", items: {} },
    },
    additionalProperties: false,
  };

  it("is breaking, and says what happened in plain words", () => {
    const changes = diffSpecs(stale, current);
    expect(worst(changes)).toBe("breaking");
    const text = summarize("Avido API spec update", changes);
    for (const line of [
      "Avido API spec update (breaking):",
      "- GET /v0/runs: response 200 body.data[].orgId was removed",
      "- GET /v0/runs: response 200 body.data[].taskId was removed",
      "- GET /v0/runs: response 200 body.data[].threadId was removed",
      "- GET /v0/runs: response 200 body.data[].evals was removed",
      "- GET /v0/runs: response 200 body.data[].applicationId was added",
      "- GET /v0/runs: response 200 body.data[].type was added",
      "- GET /v0/runs: response 200 body.data[].result was added",
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe("the differ's comparison of normalized specs", () => {
  it("inlines a $ref met again at the same depth as one shared value, equal to what a fresh inline gives", () => {
    const doc = base();
    const shared = { $ref: "#/components/schemas/Run" };
    doc.components.schemas.Pair = { type: "object", properties: { a: shared, b: { ...shared } } };
    const pair = normalize(doc).components.schemas.Pair;
    expect(pair.properties.a).toBe(pair.properties.b);
    expect(pair.properties.a).toEqual(normalize(base()).components.schemas.Run);
  });

  it("compares values as their JSON would compare, key order and left-out values included, without serializing", () => {
    const cases: [unknown, unknown][] = [
      [
        { a: 1, b: [1, "x", null] },
        { a: 1, b: [1, "x", null] },
      ],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ a: 1, u: undefined }, { a: 1 }],
      [[undefined], [null]],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [{ a: {} }, { a: [] }],
      [undefined, null],
      [undefined, undefined],
      ["1", 1],
      [{ a: { b: { c: true } } }, { a: { b: { c: false } } }],
    ];
    for (const [a, b] of cases)
      expect(sameJson(a, b), JSON.stringify([a, b])).toBe(JSON.stringify(a) === JSON.stringify(b));
    // A pair found equal once is remembered, and a shared value compares with itself at once.
    const shared = { deep: [{ x: 1 }] };
    expect(sameJson({ p: shared, q: shared }, { p: { deep: [{ x: 1 }] }, q: { deep: [{ x: 1 }] } })).toBe(
      true,
    );
  });
});
