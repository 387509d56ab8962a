// Provider fixes as OpenAPI Overlay 1.0 documents beside the spec: applied before generation (the vendored spec
// stays byte-identical), and an action that matches nothing stops generation naming the overlay file and action.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../scripts/src/provider.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let root: string;
let original: string;
const entry = { id: "features", title: "Features", spec: "specs/features.openapi.yaml" };

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "agentruns-overlay-"));
  await mkdir(path.join(root, "specs"));
  original = await readFile(path.join(here, "fixtures/features.openapi.yaml"), "utf8");
  await writeFile(path.join(root, entry.spec), original);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const overlay = (actions: string) =>
  writeFile(
    path.join(root, "specs/features.overlay.yaml"),
    `overlay: 1.0.0\ninfo:\n  title: Fixes for the features spec\n  version: 1.0.0\nactions:\n${actions}`,
  );

describe("specs/<id>.overlay.yaml", () => {
  it("updates and removes by JSONPath; the vendored spec is untouched", async () => {
    await overlay(
      [
        "  - target: \"$.paths['/things'].get\"",
        "    update:",
        "      operationId: listThings",
        "  - target: \"$.paths['/shapes']\"",
        "    remove: true",
        "  - target: $.servers[0].variables.port",
        "    update:",
        '      default: "8080"',
      ].join("\n") + "\n",
    );
    const { doc, text } = await loadSpec(root, entry);
    expect(doc.paths["/things"].get.operationId).toBe("listThings");
    expect(doc.paths["/shapes"]).toBeUndefined();
    expect(doc.servers[0].variables.port.default).toBe("8080");
    expect(text).toBe(original);
    expect(await readFile(path.join(root, entry.spec), "utf8")).toBe(original);
  });

  it("an action whose target matches nothing stops generation, naming the file and the action", async () => {
    await overlay(
      ["  - target: \"$.paths['/nope'].get\"", "    update:", "      operationId: x"].join("\n") + "\n",
    );
    await expect(loadSpec(root, entry)).rejects.toThrow(
      `specs/features.overlay.yaml#/actions/0: target "$.paths['/nope'].get" matches nothing in the spec; fix the JSONPath or remove the action`,
    );
  });

  it("a document that is not an overlay is refused", async () => {
    await writeFile(path.join(root, "specs/features.overlay.yaml"), "openapi: 3.1.0\n");
    await expect(loadSpec(root, entry)).rejects.toThrow(
      'specs/features.overlay.yaml: not an OpenAPI Overlay document (it needs "overlay: 1.0.0" and a list of "actions")',
    );
  });
});
