// @agentruns/avido against the Avido simulator: listing with ordering and Date bounds across pages, and errors.
import { startAvidoSimulator, type AvidoSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Avido, PermissionDeniedError, UnprocessableEntityError, ValidationError } from "../src/index.js";
import { raw } from "../src/generated/raw.js";

let sim: AvidoSimulator;
let avido: Avido;
beforeAll(async () => {
  sim = await startAvidoSimulator({ runs: 400, applicationIds: ["app_1"] });
  avido = new Avido({ apiKey: "avido_k", applicationId: "app_1", baseUrl: sim.url, env: {} });
});
afterAll(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
});

describe("runs.list", () => {
  it("iterates every run across skip pages, in the requested order, with Date bounds", async () => {
    const startDate = new Date(sim.clock.now() - 90 * 86_400_000);
    const created: string[] = [];
    for await (const run of avido.runs.list({ orderBy: "createdAt", orderDir: "asc", startDate, limit: 100 }))
      created.push(run.createdAt);
    const expected = sim.runs.filter((r) => r.created >= startDate.getTime()).length;
    expect(created).toHaveLength(expected);
    expect(created).toEqual([...created].sort());
    expect(new URLSearchParams(sim.requests.at(-1)!.rawQuery).get("startDate")).toBe(startDate.toISOString());
    expect(sim.count("listRuns")).toBe(Math.ceil(expected / 100));
  });

  it("returns one page with its pagination object when awaited", async () => {
    const page = await avido.runs.list({ limit: 10, skip: 20 });
    expect(page.data).toHaveLength(10);
    expect(page.body.pagination).toEqual({
      skip: 20,
      limit: 10,
      total: 400,
      totalPages: 40,
      totalCount: 400,
    });
    expect(page.nextPageQuery()).toEqual({ limit: 10, skip: 30 });
  });

  it("validates input before sending, and maps Avido's error answers", async () => {
    const before = sim.requests.length;
    await expect(avido.runs.list({ orderBy: "name" as "id" })).rejects.toThrow(
      'orderBy must be one of "createdAt", "modifiedAt", "type", "id"',
    );
    await expect(avido.runs.list({ startDate: new Date("nope") })).rejects.toThrow(ValidationError);
    expect(sim.requests.length).toBe(before);
    const wrongApp = new Avido({ apiKey: "k", applicationId: "app_2", baseUrl: sim.url, env: {} });
    await expect(wrongApp.runs.list()).rejects.toBeInstanceOf(PermissionDeniedError);
    const answer = await raw(avido).GET("/v0/runs", { params: { query: { limit: 0 } } });
    expect(answer.response.status).toBe(422);
    sim.faults.failNext(1, 422);
    await expect(avido.runs.list()).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it("needs both credentials, from options or AVIDO_API_KEY + AVIDO_APPLICATION_ID", () => {
    expect(() => new Avido({ env: { AVIDO_API_KEY: "k" } })).toThrow(
      'Missing Avido credential "applicationId": pass { applicationId } to new Avido() or set AVIDO_APPLICATION_ID.',
    );
    expect(new Avido({ env: { AVIDO_API_KEY: "k", AVIDO_APPLICATION_ID: "a" } })).toBeInstanceOf(Avido);
  });
});
