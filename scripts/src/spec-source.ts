// Fetching a provider's new spec (URL or file) and normalizing it into the vendored file's format.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { parseSpecText } from "./provider.js";

/** The text at a URL (http/https) or a file path (relative to `cwd`). */
export async function readSource(from: string, cwd: string): Promise<string> {
  if (/^https?:\/\//.test(from)) {
    const res = await fetch(from, {
      headers: { accept: "application/json, application/yaml, text/yaml, */*" },
    });
    if (!res.ok) throw new Error(`GET ${from} answered ${res.status} ${res.statusText}`);
    return res.text();
  }
  return readFile(path.resolve(cwd, from), "utf8");
}

/**
 * The new spec in the vendored file's format: JSON specs are re-serialized with 2-space indentation; YAML specs keep
 * the provider's text (so upstream documents stay byte-comparable) with line endings and the final newline fixed,
 * and a JSON source is converted to YAML. Throws when the text is not an OpenAPI 3 or Swagger 2.0 document.
 */
export function normalizeSpec(
  text: string,
  targetFile: string,
): { text: string; doc: Record<string, unknown> } {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const looksJson = /^\s*\{/.test(clean);
  const doc = parseSpecText(clean, looksJson ? "source.json" : "source.yaml");
  if (targetFile.endsWith(".json")) return { text: JSON.stringify(doc, null, 2) + "\n", doc };
  return { text: looksJson ? toYaml(doc, { lineWidth: 0 }) : clean.replace(/\n*$/, "\n"), doc };
}
