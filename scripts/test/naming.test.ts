// The naming rule, one clause at a time (scripts/src/methods.ts), and the operations it never names: a WebSocket
// upgrade leaves the document with a warning. The golden file (internal/spec-corpus/method-names.golden.txt) shows the
// rule over real specs; these pin each clause on the smallest input that exercises it.
import { describe, expect, it } from "vitest";
import { nameMethods, type NamedOperation } from "../src/methods.js";
import { normalizeSpec } from "../src/normalize.js";

const named = (ops: NamedOperation[]) =>
  Object.fromEntries(nameMethods(ops).map((m) => [m.operationId, [...m.resource, m.name].join(".")]));
const op = (method: string, path: string, operationId: string, extra: Partial<NamedOperation> = {}) => ({
  method,
  path,
  operationId,
  ...extra,
});

describe("the naming rule", () => {
  it("takes the resource from the path; a tag that names no segment adds nothing", () => {
    expect(
      named([
        op("POST", "/runs", "create_run", { tags: ["Background Runs"] }),
        op("GET", "/v1/runs/{run_id}/messages", "listMessages", { tags: ["Runs"], list: true }),
        op("GET", "/api/public/projects/{id}/members", "members", { tags: ["Projects"], list: true }),
        op("GET", "/{name}", "getByName", { tags: ["Things"] }),
      ]),
    ).toEqual({
      create_run: "runs.create",
      listMessages: "runs.messages.list",
      members: "projects.members.list",
      getByName: "things.get",
    });
  });

  it("makes verb segments, one item's parts and custom methods methods; a plural segment stays a collection", () => {
    expect(
      named([
        op("POST", "/threads", "create_thread"),
        op("POST", "/threads/search", "search_threads"),
        op("POST", "/threads/{id}/copy", "copy_thread"),
        op("GET", "/videos/{id}", "getVideo"),
        op("GET", "/videos/{id}/content", "getVideoContent"),
        op("POST", "/videos/edits", "editVideo"),
        op("GET", "/jobs/{id}", "getJob"),
        op("GET", "/jobs/{id}/events", "jobEvents", { list: true }),
        op("POST", "/v1/{parent}/printers:batchCreate", "batchCreatePrinters"),
      ]),
    ).toEqual({
      create_thread: "threads.create",
      search_threads: "threads.search",
      copy_thread: "threads.copy",
      getVideo: "videos.get",
      getVideoContent: "videos.content",
      editVideo: "videos.edits.create",
      getJob: "jobs.get",
      jobEvents: "jobs.events.list",
      batchCreatePrinters: "printers.batchCreate",
    });
  });

  it("lets the operationId's verb decide where the HTTP method misleads", () => {
    expect(
      named([
        op("POST", "/store/namespaces", "list_namespaces"),
        op("GET", "/store/items", "get_item"),
        op("PUT", "/store/items", "put_item"),
        op("GET", "/users", "getUsers", { list: true }),
        op("GET", "/users/{id}", "getUser"),
        op("GET", "/reports", "getReports"),
      ]),
    ).toEqual({
      list_namespaces: "store.namespaces.list",
      get_item: "store.items.get",
      put_item: "store.items.update",
      getUsers: "users.list",
      getUser: "users.get",
      getReports: "reports.list",
    });
  });

  it("gives both of two colliding names their operationIds", () => {
    expect(
      named([
        op("GET", "/runs/{run_id}/wait", "wait_run"),
        op("POST", "/runs/wait", "create_and_wait_run"),
        op("POST", "/runs", "create_run"),
      ]),
    ).toEqual({
      wait_run: "runs.waitRun",
      create_and_wait_run: "runs.createAndWaitRun",
      create_run: "runs.create",
    });
  });
});

describe("a WebSocket upgrade", () => {
  it("leaves the document with a warning naming it, and its path's other methods stay", () => {
    const { doc, warnings } = normalizeSpec(
      {
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {
          "/threads/{id}/stream": {
            get: { operationId: "ws", responses: { "101": { description: "Switching Protocols" } } },
            post: { operationId: "sse", responses: { "200": { description: "ok" } } },
          },
          "/live": { get: { "x-websocket": true, responses: { "200": { description: "ok" } } } },
        },
      },
      "spec.json",
    );
    expect(Object.keys(doc.paths)).toEqual(["/threads/{id}/stream"]);
    expect(Object.keys(doc.paths["/threads/{id}/stream"])).toEqual(["post"]);
    expect(warnings).toEqual([
      "spec.json#/paths/~1threads~1{id}~1stream/get: a WebSocket upgrade, which no HTTP client can make; left out",
      "spec.json#/paths/~1live/get: a WebSocket upgrade, which no HTTP client can make; left out",
    ]);
  });
});
