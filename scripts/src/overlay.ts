// Provider fixes live in an OpenAPI Overlay 1.0 document beside the spec (`specs/<id>.overlay.yaml`), so vendored
// upstream specs stay byte-identical; applied with openapi-format's Overlay implementation (JSONPath targets,
// update and remove). An action that matches nothing, or that the implementation rejects, stops generation.
import type { openapiOverlay } from "openapi-format";
import { parse as parseYaml } from "yaml";
import { InputError } from "./input-error.js";

type Json = Record<string, any>;

/** The document with the overlay's actions applied; throws naming the overlay file and the action that failed. */
export async function applyOverlay(doc: Json, overlayText: string, file: string): Promise<Json> {
  let overlay: Json;
  try {
    overlay = parseYaml(overlayText, { maxAliasCount: -1 }) as Json;
  } catch (e) {
    throw new InputError(`${file}: not valid YAML (${(e as Error).message})`);
  }
  if (!overlay || typeof overlay !== "object" || !Array.isArray(overlay.actions)) {
    throw new InputError(
      `${file}: not an OpenAPI Overlay document (it needs "overlay: 1.0.0" and a list of "actions")`,
    );
  }
  if (!/^1\.0\.\d+$/.test(String(overlay.overlay ?? ""))) {
    throw new InputError(`${file}#/overlay: version "${overlay.overlay}" is not supported; use 1.0.0`);
  }
  // Loaded on use: most providers have no overlay, and the library is a large part of the generator's start-up.
  const { openapiOverlay: apply } = await import("openapi-format");
  // The implementation reports bad actions on console.error instead of throwing: collect them.
  const problems: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void problems.push(args.map(String).join(" "));
  let result: Awaited<ReturnType<typeof openapiOverlay>>;
  try {
    result = await apply(structuredClone(doc) as never, { overlaySet: overlay } as never);
  } finally {
    console.error = original;
  }
  if (problems.length) throw new InputError(`${file}: ${problems.join("; ")}`);
  const unused = (result.resultData?.unusedActions ?? []) as Json[];
  if (unused.length) {
    const index = overlay.actions.indexOf(unused[0]);
    throw new InputError(
      `${file}#/actions/${index}: target ${JSON.stringify(unused[0]?.target)} matches nothing in the spec; ` +
        "fix the JSONPath or remove the action",
    );
  }
  return result.data as Json;
}
