// The naming rule, one clause at a time (scripts/src/methods.ts), and the operations it never names: a WebSocket
// upgrade leaves the document with a warning. The golden file (internal/spec-corpus/method-names.golden.txt) shows the
// rule over real specs; these pin each clause on the smallest input that exercises it.
import { describe, expect, it } from "vitest";
import { declaredName, nameMethods, type NamedOperation } from "../src/methods.js";
import { buildModel } from "../src/model.js";
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
  it("takes the resource from the whole path; a tag that names no segment adds nothing", () => {
    expect(
      named([
        op("POST", "/runs", "create_run", { tags: ["Background Runs"] }),
        op("GET", "/v1/runs/{run_id}/messages", "listMessages", { tags: ["Runs"], list: true }),
        op("GET", "/organization/users", "list-users", { tags: ["Users"], list: true }),
        op("GET", "/{name}", "getByName", { tags: ["Things"] }),
      ]),
    ).toEqual({
      create_run: "runs.create",
      listMessages: "runs.messages.list",
      "list-users": "organization.users.list",
      getByName: "things.get",
    });
  });

  it("leaves out leading segments every path shares that are no resource, and keeps one that is", () => {
    expect(
      named([
        op("GET", "/api/public/projects/{id}/members", "members", { list: true }),
        op("GET", "/api/public/traces", "traces", { list: true }),
      ]),
    ).toEqual({ members: "projects.members.list", traces: "traces.list" });
    expect(
      named([
        op("GET", "/runs", "listRuns", { list: true }),
        op("GET", "/runs/{id}/steps", "steps", { list: true }),
      ]),
    ).toEqual({ listRuns: "runs.list", steps: "runs.steps.list" });
  });

  it("puts a flag written into the path key under a resource of its name", () => {
    expect(
      named([
        op("POST", "/responses", "createResponse"),
        op("POST", "/responses?beta=true", "betaCreateResponse"),
        op("POST", "/uploads?convert={convert}", "upload"),
      ]),
    ).toEqual({
      createResponse: "responses.create",
      betaCreateResponse: "beta.responses.create",
      upload: "uploads.create",
    });
  });

  it("reads NounVerb operationIds that start with their tag", () => {
    expect(
      named([
        op("GET", "/containers/json", "ContainerList", { tags: ["Container"], list: true }),
        op("GET", "/containers/{id}/json", "ContainerInspect", { tags: ["Container"] }),
        op("POST", "/containers/{id}/start", "ContainerStart", { tags: ["Container"] }),
        op("GET", "/info", "SystemInfo", { tags: ["System"] }),
        op("POST", "/build", "ImageBuild", { tags: ["Image"] }),
        op("GET", "/images/json", "ImageList", { tags: ["Image"], list: true }),
        op("GET", "/organization/usage/completions", "usage-completions", { tags: ["Usage"], list: true }),
        op("GET", "/organization/costs", "usage-costs", { tags: ["Usage"], list: true }),
        // A verb that spells like the tag is no NounVerb id.
        op("POST", "/organization/invites", "inviteUser", { tags: ["Invites"] }),
      ]),
    ).toEqual({
      ContainerList: "containers.list",
      ContainerInspect: "containers.inspect",
      ContainerStart: "containers.start",
      SystemInfo: "system.info",
      ImageBuild: "images.build",
      ImageList: "images.list",
      "usage-completions": "organization.usage.completions",
      "usage-costs": "organization.usage.costs",
      inviteUser: "organization.invites.create",
    });
  });

  it("reads the resource and method out of dotted, Azure and Fern operationIds", () => {
    expect(
      named([
        op("POST", "/chat.postMessage", "chat.postMessage"),
        op(
          "GET",
          "/subscriptions/{s}/providers/Microsoft.SignalRService/SignalR",
          "SignalR_ListBySubscription",
        ),
        op("GET", "/api/public/comments/{id}", "comments_get-by-id", { tags: ["Comments"] }),
        op("POST", "/api/public/unstable/dashboards/{id}/placements", "unstable_dashboards_addPlacement", {
          tags: ["Unstable Dashboards"],
        }),
        // Snake case that is not the tag's is no Fern id: the path names it.
        op("GET", "/collections/{name}/snapshots", "list_snapshots", { tags: ["Snapshots"], list: true }),
      ]),
    ).toEqual({
      "chat.postMessage": "chat.postMessage",
      SignalR_ListBySubscription: "signalR.listBySubscription",
      "comments_get-by-id": "comments.getById",
      unstable_dashboards_addPlacement: "unstable.dashboards.addPlacement",
      list_snapshots: "collections.snapshots.list",
    });
    // Google's ids all start with the API's name, which names no resource.
    expect(
      named([
        op("GET", "/admin/directory/v1/users", "directory.users.list"),
        op("PATCH", "/admin/directory/v1/users/{userKey}/photos/thumbnail", "directory.users.photos.patch"),
      ]),
    ).toEqual({ "directory.users.list": "users.list", "directory.users.photos.patch": "users.photos.patch" });
  });

  it("reads the vendor extensions that declare a name", () => {
    expect(
      declaredName({ "x-speakeasy-group": "user.accounts", "x-speakeasy-name-override": "list_all" }),
    ).toEqual({
      group: ["user", "accounts"],
      nameOverride: "listAll",
    });
    expect(
      declaredName({
        "x-fern-sdk-group-name": ["fine-tuning", "jobs"],
        "x-fern-sdk-method-name": "listEvents",
      }),
    ).toEqual({
      group: ["fineTuning", "jobs"],
      nameOverride: "listEvents",
    });
    expect(declaredName({ "x-speakeasy-group": 3, "x-fern-sdk-method-name": "" })).toEqual({});
    // Through the generator: a spec's extensions name its client's methods.
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/v1/things": {
          get: {
            operationId: "listThings",
            "x-speakeasy-group": "inventory.things",
            "x-speakeasy-name-override": "all",
            responses: { "200": { description: "ok" } },
          },
        },
        "/v1/things/{id}": {
          get: {
            operationId: "getThing",
            "x-fern-sdk-method-name": "one",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel({ id: "t", title: "T", spec: "t.json" }, doc);
    expect(model.client.methods.map((m) => [...m.resource, m.name].join("."))).toEqual([
      "inventory.things.all",
      "things.one",
    ]);
  });

  it("names a singleton's methods get and update", () => {
    expect(
      named([
        op("GET", "/organization/spend_limit", "Getorganizationspendlimit"),
        op("POST", "/organization/spend_limit", "Updateorganizationspendlimit"),
        op("DELETE", "/organization/spend_limit", "Deleteorganizationspendlimit"),
        op("GET", "/organization/projects", "listProjects", { list: true }),
        op("GET", "/models", "listModels", { list: true }),
        // A read of many by its verb is no singleton, whatever it answers.
        op("GET", "/search", "search"),
        op("POST", "/organization/projects", "createProject"),
      ]),
    ).toEqual({
      Getorganizationspendlimit: "organization.spendLimit.get",
      Updateorganizationspendlimit: "organization.spendLimit.update",
      Deleteorganizationspendlimit: "organization.spendLimit.delete",
      listProjects: "organization.projects.list",
      createProject: "organization.projects.create",
      listModels: "models.list",
      search: "search.list",
    });
  });

  it("makes verb segments, one item's parts and custom methods methods; a plural segment stays a collection", () => {
    expect(
      named([
        op("POST", "/threads", "create_thread"),
        op("POST", "/threads/search", "search_threads"),
        op("POST", "/threads/{id}/copy", "copy_thread"),
        op("POST", "/threads/{id}/runs/{run_id}/submit_tool_outputs", "submitToolOutputs"),
        op("POST", "/uploads/{id}/parts", "addUploadPart"),
        op("POST", "/fine_tuning/alpha/graders/run", "runGrader"),
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
      submitToolOutputs: "threads.runs.submitToolOutputs",
      addUploadPart: "uploads.parts.create",
      runGrader: "fineTuning.alpha.graders.run",
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

  it("gives two colliding names their operationIds less what the resource and the path already say", () => {
    expect(
      named([
        op("GET", "/runs/{run_id}/wait", "wait_run"),
        op("POST", "/runs/wait", "create_and_wait_run"),
        op("POST", "/runs", "create_run"),
        op("POST", "/threads/runs", "createThreadAndRun"),
        op("POST", "/threads/{thread_id}/runs", "createRun"),
        op(
          "DELETE",
          "/v1/history/{history_item_id}",
          "delete_history_item_v1_history__history_item_id__delete",
        ),
        op("POST", "/v1/history/delete", "delete_history_items_v1_history_delete_post"),
      ]),
    ).toEqual({
      wait_run: "runs.wait",
      create_and_wait_run: "runs.createAndWait",
      create_run: "runs.create",
      createThreadAndRun: "threads.runs.createAndRun",
      createRun: "threads.runs.create",
      delete_history_item_v1_history__history_item_id__delete: "history.delete",
      delete_history_items_v1_history_delete_post: "history.deleteItems",
    });
  });

  it("takes what the spec's vendor extensions declare, and the entry's overrides over those", () => {
    const ops = [
      op("GET", "/v1/things", "listThings", { group: ["inventory", "things"], nameOverride: "all" }),
      op("GET", "/v1/things/{id}", "getThing", { nameOverride: "one" }),
    ];
    expect(
      Object.fromEntries(
        nameMethods(ops, { getThing: "items.fetch" }).map((m) => [
          m.operationId,
          [...m.resource, m.name].join("."),
        ]),
      ),
    ).toEqual({
      listThings: "inventory.things.all",
      getThing: "items.fetch",
    });
    expect(named(ops)).toEqual({ listThings: "inventory.things.all", getThing: "things.one" });
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
