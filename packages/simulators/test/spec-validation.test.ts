// The validator the simulators use is the spec itself: it accepts what the spec allows and names what it does not.
import { describe, expect, it } from "vitest";
import { SpecIndex, loadSpec } from "../src/openapi.js";

describe("SpecIndex", () => {
  const duvo = new SpecIndex(loadSpec("duvo"));
  const duckie = new SpecIndex(loadSpec("duckie"));

  it("routes every operation of the spec", () => {
    expect(duvo.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /v1/runs",
      "POST /v1/runs",
      "GET /v1/runs/{run_id}",
      "GET /v1/runs/{run_id}/messages",
      "POST /v1/runs/{run_id}/messages",
      "POST /v1/runs/{run_id}/human-requests/{request_id}/respond",
      "POST /v1/runs/{run_id}/stop",
    ]);
    expect(duvo.route("POST", "/v1/runs/a%20b/stop")).toMatchObject({
      op: { operationId: "stopRun" },
      path: { run_id: "a b" },
    });
    expect(duvo.route("DELETE", "/v1/runs")).toBeUndefined();
  });

  it("flags responses that break the spec: wrong types, extra fields, undocumented statuses", () => {
    const getRun = duvo.operation("getRun");
    expect(duvo.checkResponse(getRun, 200, { run: null })).toEqual([]);
    expect(duvo.checkResponse(getRun, 200, { run: { id: "x" } })).toContain(
      "getRun 200: response/run/agent_id is required",
    );
    expect(duvo.checkResponse(getRun, 200, { run: null, extra: 1 })).toContain(
      "getRun 200: response/extra is not allowed (no such field)",
    );
    expect(duvo.checkResponse(getRun, 418, {})).toEqual(["getRun: status 418 is not documented"]);
    const list = duckie.operation("listRuns");
    expect(duckie.checkResponse(list, 400, { error: { code: "teapot", message: "x" } })[0]).toContain(
      "response/error/code must be equal to one of the allowed values",
    );
  });

  it("coerces query strings to the declared types and reports every problem at once", () => {
    const list = duckie.operation("listRuns");
    const ok = duckie.parse(
      list,
      new URLSearchParams("limit=10&status=failed&duration[gte]=60&metadata.team=x"),
      {},
    );
    expect(ok).toEqual({
      query: { limit: 10, status: ["failed"], "duration[gte]": 60, metadata: { team: "x" } },
      path: {},
    });
    const bad = duckie.parse(list, new URLSearchParams("limit=ten&search=a&search=b&q=1"), {});
    expect(Array.isArray(bad) && bad.map((i) => i.message)).toEqual([
      "query/search must not be repeated",
      "query/q is not a parameter of GET /api/v1/runs",
      "query/limit must be integer",
    ]);
  });
});
