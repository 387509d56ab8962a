// tools/list over stdio: every operation of every configured provider, with valid names and JSON Schemas.
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulators, stdioClient, textOf } from "./harness.js";

let sims: Awaited<ReturnType<typeof simulators>>;
let mcp: Awaited<ReturnType<typeof stdioClient>>;
beforeAll(async () => {
  sims = await simulators();
  mcp = await stdioClient([], sims.env);
});
afterAll(async () => {
  await mcp?.close();
  await sims?.close();
});

describe("tools/list", () => {
  it("lists every operation with a valid, unique name and valid schemas", async () => {
    const { tools } = await mcp.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "duvo_runs_create",
        "duvo_runs_human_requests_respond",
        "duvo_runs_wait",
        "avido_runs_list",
        "duckie_runs_list",
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
    const ajv = new Ajv2020({ strict: false, logger: false });
    for (const t of tools) {
      expect(t.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(t.description).toBeTruthy();
      expect(ajv.validateSchema(t.inputSchema)).toBe(true);
      ajv.compile(t.inputSchema);
      if (t.outputSchema) ajv.compile(t.outputSchema);
    }
    const get = tools.find((t) => t.name === "duvo_runs_get")!;
    expect(get.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(get.inputSchema.required).toEqual(["run_id"]);
    const stop = tools.find((t) => t.name === "duvo_runs_stop")!;
    expect(stop.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    const create = tools.find((t) => t.name === "duvo_runs_create")!;
    expect(create.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
    });
  });

  it("sends a list tool's filters on the wire, in the spec's own names", async () => {
    const r = await mcp.client.callTool({
      name: "duckie_runs_list",
      arguments: { status: ["failed"], "duration[gte]": 60, limit: 3 },
    });
    expect(r.isError, textOf(r)).toBeFalsy();
    const q = new URLSearchParams(sims.duckie.requests.at(-1)!.rawQuery);
    expect(q.getAll("status")).toEqual(["failed"]);
    expect(q.get("duration[gte]")).toBe("60");
    expect(q.get("limit")).toBe("3");
    for (const run of (r.structuredContent as { items: { status: string; duration_seconds: number }[] })
      .items) {
      expect(run.status).toBe("failed");
      expect(run.duration_seconds).toBeGreaterThanOrEqual(60);
    }
  });

  it("calls a list tool and pages with next", async () => {
    const first = await mcp.client.callTool({ name: "duvo_runs_list", arguments: { limit: 5 } });
    expect(first.isError).toBeFalsy();
    const page = first.structuredContent as { items: unknown[]; next?: string };
    expect(page.items).toHaveLength(5);
    expect(page.next).toBeTypeOf("string");
    const second = await mcp.client.callTool({
      name: "duvo_runs_list",
      arguments: { limit: 5, next: page.next },
    });
    const page2 = second.structuredContent as { items: { id: string }[] };
    expect(page2.items).toHaveLength(5);
    expect(page2.items[0]!.id).not.toBe((page.items[0] as { id: string }).id);
    const q = sims.duvo.requests.filter((r) => r.operationId === "listRuns").map((r) => r.rawQuery);
    expect(q.at(-1)).toContain("offset=5");
    expect(textOf(second)).not.toContain("secret");
  });
});
