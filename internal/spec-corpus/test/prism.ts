// A Prism mock server (@stoplight/prism-cli, on 127.0.0.1) for a spec, and request values that satisfy a schema:
// what the corpus uses to call real operations and read Prism's verdict on each request.
import { freePort } from "@agentruns/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveRef } from "../../../scripts/src/json-ref.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
type Json = Record<string, any>;

/** Starts `prism mock` on a document (written to `file` first); resolves when it serves. */
export async function startPrism(
  doc: Json,
  file: string,
): Promise<{ url: string; stop(): void; log(): string }> {
  await writeFile(file, JSON.stringify(doc));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(here, "node_modules/@stoplight/prism-cli/dist/index.js"),
      "mock",
      file,
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" },
    },
  );
  let log = "";
  child.stdout!.on("data", (c) => (log += c));
  child.stderr!.on("data", (c) => (log += c));
  const started = Date.now();
  while (!/Prism is listening/.test(log)) {
    if (child.exitCode !== null || Date.now() - started > 120_000) {
      child.kill();
      throw new Error(`prism did not start:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill(), log: () => log };
}

/** The normalized document's refs are all local and resolvable: the generator's own resolver serves. */
const resolve = (doc: Json, node: Json | undefined): Json | undefined => resolveRef(doc, node as Json);

const FORMATS: Record<string, string> = {
  uuid: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  email: "someone@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
};

/** A value the schema accepts, or undefined when none can be made without guessing (patterns, binary). */
export function valueFor(doc: Json, raw: Json | undefined, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (!s || depth > 6) return undefined;
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[key])) {
      for (const option of s[key]) {
        const v = valueFor(doc, option, depth + 1);
        if (v !== undefined) return v;
      }
      return undefined;
    }
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p: Json) => valueFor(doc, p, depth + 1));
    if (parts.some((p: unknown) => p === undefined)) return undefined;
    return parts.every((p: unknown) => p && typeof p === "object") ? Object.assign({}, ...parts) : parts[0];
  }
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  switch (type ?? (s.properties ? "object" : undefined)) {
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 1);
    case "boolean":
      return true;
    case "string":
      if (s.format && FORMATS[s.format]) return FORMATS[s.format];
      if (s.pattern || s.format === "binary") return undefined;
      return "x".repeat(Math.max(1, s.minLength ?? 1));
    case "array": {
      const item = valueFor(doc, s.items, depth + 1);
      return item === undefined
        ? undefined
        : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case "object": {
      const out: Json = {};
      for (const name of s.required ?? []) {
        const v = valueFor(doc, s.properties?.[name], depth + 1);
        if (v === undefined) return undefined;
        out[name] = v;
      }
      return out;
    }
    default:
      return s.properties || s.type ? undefined : {};
  }
}

/** The parameters and JSON body a call needs, filled from the schemas; undefined when some cannot be. */
export function requestFor(
  doc: Json,
  method: string,
  p: string,
): { params: Json; body?: unknown } | undefined {
  const item = doc.paths[p];
  const op = item[method.toLowerCase()];
  // Only operations that declare a 2xx answer (a websocket upgrade, say, has none to mock).
  if (!Object.keys(op.responses ?? {}).some((status) => /^2/.test(status))) return undefined;
  const params: Json = { path: {}, query: {}, header: {} };
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = resolve(doc, raw)!;
    if (param.in === "cookie" || !(param.in in params)) continue;
    if (!param.required && param.in !== "path") continue;
    const value = param.example ?? valueFor(doc, param.schema);
    if (value === undefined || (typeof value === "object" && param.in !== "query")) return undefined;
    params[param.in][param.name] = value;
  }
  let body: unknown;
  const content = resolve(doc, op.requestBody)?.content;
  if (content) {
    const json = Object.keys(content).find((t) => /json/i.test(t));
    if (!json) return undefined; // uploads are exercised by the features fixture
    body = valueFor(doc, content[json].schema);
    if (body === undefined) return undefined;
  }
  return { params, ...(body === undefined ? {} : { body }) };
}
