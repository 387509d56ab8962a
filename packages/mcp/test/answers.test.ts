// How answers become tool results: the size bound and its note, structured content only when whole and on-spec,
// binary as image / audio / blob resource with its media type, streams up to the bound.
import type { ToolSpec } from "@agentruns/core";
import { describe, expect, it } from "vitest";
import { binaryResult, jsonResult, pageResult, streamResult } from "../src/answer.js";
import { textOf } from "./harness.js";

const tool = (outputSchema?: object): ToolSpec =>
  ({
    name: "acme_things_get",
    operationId: "getThing",
    method: "GET",
    path: "/things/{id}",
    description: "",
    inputSchema: { type: "object" },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    args: {},
    ...(outputSchema ? { outputSchema } : {}),
  }) as ToolSpec;

const THING = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] };

describe("answers", () => {
  it("hands over a JSON object whole, with structured content when the tool has an output schema", () => {
    const r = jsonResult(tool(THING), { id: 1 }, 200, 1000);
    expect(r).toEqual({ content: [{ type: "text", text: '{"id":1}' }], structuredContent: { id: 1 } });
    expect(jsonResult(tool(), [1, 2], 200, 1000)).toEqual({ content: [{ type: "text", text: "[1,2]" }] });
    expect(textOf(jsonResult(tool(), undefined, 204, 1000))).toBe(
      "acme_things_get: done (HTTP 204, no content)",
    );
  });

  it("says an off-spec answer succeeded, so a create is not repeated", () => {
    const r = jsonResult(tool(THING), { id: "1" }, 201, 1000);
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toBeUndefined();
    expect(textOf(r)).toContain('{"id":"1"}');
    expect(textOf(r)).toContain("succeeded (HTTP 201), but its answer does not match the spec's schema");
    expect(textOf(r)).toContain("do not repeat the call");
  });

  it("cuts an answer past the bound with a note, on a character boundary", () => {
    const big = { text: "é".repeat(2000) };
    const r = jsonResult(tool(), big, 200, 1024);
    const text = textOf(r);
    expect(text).toContain("[answer cut: 4011 bytes, more than the 1024-byte bound; narrow the call");
    expect(text).not.toContain("\uFFFD");
    expect(Buffer.byteLength(text.split("\n")[0]!)).toBeLessThanOrEqual(1024);
  });

  it("keeps as many items of a large page as fit, and says how to page through all of them", () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ id: i, pad: "x".repeat(100) }));
    const r = pageResult(tool(), items, "tok", 2_000);
    const shown = r.structuredContent as { items: unknown[]; next: string };
    expect(shown.items.length).toBeGreaterThan(0);
    expect(shown.items.length).toBeLessThan(100);
    expect(shown.next).toBe("tok");
    expect(textOf(r)).toContain(
      `showing the first ${shown.items.length} of 100 items: pass limit=${shown.items.length}`,
    );
  });

  it("returns binary answers as image, audio or a blob resource with their media type", async () => {
    const png = await binaryResult(
      tool(),
      new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
      "agentruns://acme/getThing",
      1000,
    );
    expect(png.content).toEqual([{ type: "image", data: "iVBORw==", mimeType: "image/png" }]);
    const wav = await binaryResult(
      tool(),
      new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" }),
      "u",
      1000,
    );
    expect(wav.content[0]).toMatchObject({ type: "audio", mimeType: "audio/wav", data: "AQID" });
    const pdf = await binaryResult(
      tool(),
      new Blob(["%PDF"], { type: "application/pdf" }),
      "agentruns://acme/getThing",
      1000,
    );
    expect(pdf.content).toEqual([
      {
        type: "resource",
        resource: { uri: "agentruns://acme/getThing", mimeType: "application/pdf", blob: "JVBERg==" },
      },
    ]);
    const huge = await binaryResult(
      tool(),
      new Blob([new Uint8Array(3000)], { type: "image/png" }),
      "u",
      1000,
    );
    expect(huge.isError).toBe(true);
    expect(textOf(huge)).toContain("answered 3000 bytes of image/png, more than the 1000-byte bound");
  });

  it("collects a stream's events up to the bound, and stops reading it there", async () => {
    let read = 0;
    let closed = false;
    const stream = {
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; i < 1000; i++) {
            read++;
            yield { n: i };
          }
        } finally {
          closed = true;
        }
      },
    };
    const r = await streamResult(stream, 200);
    const events = JSON.parse((r.content[0] as { text: string }).text) as unknown[];
    expect(events.length).toBeGreaterThan(5);
    expect(events[0]).toEqual({ n: 0 });
    expect(textOf(r)).toContain(`[stream cut after ${events.length} events at the 200-byte bound]`);
    expect(read).toBeLessThan(1000);
    expect(closed).toBe(true);
  });
});
