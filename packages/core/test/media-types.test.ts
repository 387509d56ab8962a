// The one media-type rule the client's reader, the generator and the types share: the essence decides, parameters
// and case aside.
import { describe, expect, it } from "vitest";
import { essence, isEventStream, isJsonLines, isJsonMedia } from "../src/media-types.js";

describe("media types", () => {
  it("reads the essence: parameters dropped, spaces trimmed, lower case", () => {
    expect(essence("Application/JSON ; charset=UTF-8")).toBe("application/json");
    expect(essence("text/event-stream")).toBe("text/event-stream");
  });

  it("JSON is application/json or a vendor +json type, with any parameters", () => {
    for (const t of [
      "application/json",
      "application/json; charset=utf-8",
      "Application/Problem+JSON;charset=UTF-8",
      "application/vnd.api+json; version=2",
      "application/json-patch+json",
    ])
      expect([t, isJsonMedia(t)]).toEqual([t, true]);
    for (const t of [
      "application/jsonl",
      "application/x-ndjson",
      "application/json-seq",
      "text/json",
      "application/xml",
    ])
      expect([t, isJsonMedia(t)]).toEqual([t, false]);
  });

  it("JSON lines under each of their names, and event streams, with parameters", () => {
    for (const t of [
      "application/x-ndjson; charset=utf-8",
      "application/jsonl",
      "application/json-lines",
      "application/x-nd-json",
    ])
      expect([t, isJsonLines(t)]).toEqual([t, true]);
    expect(isJsonLines("application/json")).toBe(false);
    expect(isEventStream("text/event-stream; charset=utf-8")).toBe(true);
    expect(isEventStream("text/plain")).toBe(false);
  });
});
