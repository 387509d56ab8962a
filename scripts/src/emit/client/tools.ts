// The ergonomic package's `tools` module: every operation as a Model Context Protocol tool (name, description, JSON
// Schemas, hints, and where each argument goes on the wire), emitted from the same Method model as the functions.
import type { Method } from "../../client-methods.js";
import { Imports } from "../../imports.js";
import { resolveRef } from "../../json-ref.js";
import { itemsOf, paginatorCall } from "../../paging.js";
import { parametersOf } from "../../parameters.js";
import type { ProviderDescriptor } from "../../provider.js";
import { isEventStream, isJsonLines, isJsonMedia, successTypes } from "../../rules.js";
import { toolSchema } from "../../tool-schema.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

type Json = Record<string, any>;

/** The longest tool name MCP clients accept. */
const MAX_NAME = 64;
/** Bounds that keep one tool's definition usable in a model's context (the size of a large spec's list is reported). */
const INPUT_BYTES = 12_000;
const OUTPUT_BYTES = 8_000;
const DESCRIPTION = 1_000;
/** Method names whose call ends or removes something: the tool says it is destructive. */
const DESTRUCTIVE = /^(delete|remove|stop|cancel|abort|terminate|kill|revoke|archive|purge|destroy|reset)/i;

/** `humanRequests` → `human_requests`; anything outside `[a-z0-9_]` becomes `_`. */
export const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * Unique tool names `<provider>_<resource>_<method>`, at most 64 characters. A longer one loses whole words, the
 * resource's outermost first (`azure_subscriptions_resource_groups_…_signal_r_create_or_update` keeps the provider and
 * its last words), and a name that would repeat another ends in a number; no name is cut mid-word.
 */
export function toolNames(id: string, methods: readonly Method[]): string[] {
  const seen = new Set<string>();
  return methods.map((m) => {
    const head = snake(id) || "api";
    const tail = snake([...m.resource, m.name].map(snake).join("_"))
      .split("_")
      .filter(Boolean);
    let name = fit(head, tail.length ? tail : ["op"], MAX_NAME);
    for (let n = 2; seen.has(name); n++) name = fit(head, [...tail, String(n)], MAX_NAME);
    seen.add(name);
    return name;
  });
}

/** `head` and as many of `words`' last ones as fit in `max`, joined by `_`; past one word, only whole words. */
function fit(head: string, words: readonly string[], max: number): string {
  let kept = [...words];
  while (kept.length > 1 && [head, ...kept].join("_").length > max) kept = kept.slice(1);
  const name = [head, ...kept].join("_");
  // One word longer than the room (a provider id or a method name of 60 letters): the first `max`.
  return name.length <= max ? name : name.slice(0, max).replace(/_+$/, "");
}

/** The JSON schema of an operation's JSON success answer, if it has one. */
function answerSchema(doc: Json, op: Json): Json | undefined {
  const statuses = Object.keys(op.responses ?? {})
    .filter((s) => /^2/.test(s))
    .sort();
  for (const status of statuses) {
    const content = resolveRef(doc, op.responses[status])?.content ?? {};
    const key = Object.keys(content).find(isJsonMedia);
    if (key) return content[key]?.schema;
  }
  return undefined;
}

/** The schema at a dotted path (`data`, `result.items`) of an object schema, following refs. */
function schemaAt(doc: Json, schema: Json | undefined, path: string): Json | undefined {
  let s = schema;
  for (const key of path.split(".")) {
    s = s ? resolveRef(doc, s) : undefined;
    const merged = s?.allOf
      ? Object.assign({}, ...s.allOf.map((x: Json) => resolveRef(doc, x)?.properties))
      : {};
    s = s?.properties?.[key] ?? merged[key];
  }
  return s;
}

/** Whether a converted schema describes an object (what `outputSchema` must be). */
const isObject = (s: Json): boolean => s.type === "object" || (!s.type && !!s.properties);

interface ToolData {
  name: string;
  operationId: string;
  method: string;
  path: string;
  tags?: string[];
  title?: string;
  description: string;
  inputSchema: Json;
  outputSchema?: Json;
  annotations: { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean };
  requiredBody?: boolean;
  args: Record<string, readonly string[]>;
}

/** One tool's data (its paginator, a function, is emitted beside it). */
function toolOf(doc: Json, m: Method, name: string, table: Json, idempotent: ReadonlySet<string>): ToolData {
  const op = doc.paths[m.path][m.method.toLowerCase()];
  const spec = table[m.operationId] ?? {};
  const properties: Json = {};
  const required: string[] = [];
  const args: Record<string, readonly string[]> = {};
  const take = (wanted: string) => {
    let key = wanted;
    for (let n = 2; Object.hasOwn(properties, key) || key === "next"; n++) key = `${wanted}_${n}`;
    return key;
  };
  for (const p of parametersOf(doc, m.path, m.method)) {
    if (!["path", "query", "header", "cookie"].includes(p.in)) continue;
    // A credential the spec also lists as a parameter is the client's to send.
    if (p.in !== "path" && !spec[p.in === "query" ? "query" : p.in]?.[p.name]) continue;
    const key = take(String(p.name));
    const schema = toolSchema(doc, p.schema ?? {}, { direction: "input", maxBytes: INPUT_BYTES / 4 });
    const text = typeof p.description === "string" ? p.description.trim() : "";
    properties[key] = text && !schema.description ? { ...schema, description: text.slice(0, 300) } : schema;
    if (p.required === true || p.in === "path") required.push(key);
    args[key] = [p.in, String(p.name)];
  }
  const body = op.requestBody ? resolveRef(doc, op.requestBody) : undefined;
  let requiredBody = false;
  if (body && spec.body) {
    const media = Object.values<Json>(body.content ?? {})[0];
    const schema = toolSchema(doc, media?.schema, { direction: "input", maxBytes: INPUT_BYTES });
    const fields = isObject(schema) && schema.properties ? Object.keys(schema.properties) : [];
    // An object body's fields are arguments of their own when none clashes with a parameter's; else one `body`.
    if (fields.length && fields.every((f) => !Object.hasOwn(properties, f) && f !== "next")) {
      for (const f of fields) {
        properties[f] = schema.properties[f];
        args[f] = ["body", f];
      }
      if (body.required === true) {
        required.push(...((schema.required as string[] | undefined) ?? []));
        requiredBody = true;
      }
    } else {
      const key = take("body");
      properties[key] = schema;
      if (body.required === true) required.push(key);
      args[key] = ["wholeBody"];
    }
  }
  const pagination = m.pagination;
  if (pagination) {
    properties.next = {
      type: "string",
      description: "The `next` token of the previous page's answer, for the page after it.",
    };
  }
  const answer = answerSchema(doc, op);
  let outputSchema: Json | undefined;
  if (pagination) {
    const list = schemaAt(doc, answer, itemsOf(pagination));
    const item = list ? resolveRef(doc, list)?.items : undefined;
    outputSchema = {
      type: "object",
      properties: {
        items: {
          type: "array",
          items: toolSchema(doc, item, { direction: "output", maxBytes: OUTPUT_BYTES }),
        },
        next: {
          type: "string",
          description: "Pass as `next` for the following page; absent after the last.",
        },
      },
      required: ["items"],
    };
  } else if (answer && spec.response === undefined) {
    // What the client method resolves to: a field of the answer where the entry unwraps one (`runs.create` → the run).
    const shown = m.unwrap ? schemaAt(doc, answer, m.unwrap) : answer;
    const out = toolSchema(doc, shown, { direction: "output", maxBytes: OUTPUT_BYTES });
    // Only an object that cannot be null is a structured answer; anything else is returned as text.
    if (out.type === "object") outputSchema = out;
  }
  const summary = String(op.summary ?? "").trim();
  const long = String(op.description ?? "").trim();
  const parts = [summary, long !== summary ? long : "", `\`${m.method} ${m.path}\``].filter(Boolean);
  if (pagination)
    parts.push("Returns one page as `{ items, next }`: call again with `next` for the following page.");
  if (successTypes(doc, op.responses).some((t) => isEventStream(t) || isJsonLines(t)))
    parts.push("The answer streams: the tool returns the events received, up to the answer size bound.");
  let description = parts.join("\n\n");
  if (description.length > DESCRIPTION) description = `${description.slice(0, DESCRIPTION - 1)}…`;
  const readOnly = m.method === "GET" || m.method === "HEAD";
  return {
    name,
    operationId: m.operationId,
    method: m.method,
    path: m.path,
    ...(Array.isArray(op.tags) && op.tags.length
      ? { tags: op.tags.filter((t: unknown) => typeof t === "string") }
      : {}),
    ...(summary ? { title: summary.slice(0, 200) } : {}),
    description,
    inputSchema: {
      type: "object",
      properties,
      ...(required.length ? { required: [...new Set(required)] } : {}),
    },
    ...(outputSchema ? { outputSchema } : {}),
    ...(requiredBody ? { requiredBody } : {}),
    ...(m.unwrap && !pagination ? { unwrap: m.unwrap } : {}),
    annotations: {
      readOnlyHint: readOnly,
      destructiveHint: !readOnly && (m.method === "DELETE" || DESTRUCTIVE.test(m.name)),
      idempotentHint: readOnly || idempotent.has(m.operationId),
    },
    args,
  };
}

/** `src/generated/tools.ts` of the ergonomic package (one tool per line: it is data, and large for large specs). */
export const tools: Emitter = ({ provider: d, client, operations, doc }) => [
  {
    path: "src/generated/tools.ts",
    verbatim: true,
    text: renderTools(d, client.methods, operations, doc, client.idempotent, header(d), client.clientClass),
  },
];

function renderTools(
  d: ProviderDescriptor,
  methods: readonly Method[],
  table: Json,
  doc: Json,
  idempotent: readonly string[],
  head: string,
  client: string,
): string {
  const names = toolNames(d.id, methods);
  const once = new Set(idempotent);
  const imports = new Imports();
  imports.type("@agentruns/core", "ProviderTools");
  imports.type("@agentruns/core", "ToolSpec");
  imports.use("@agentruns/core", "parseTools");
  imports.use(d.packageName, "provider");
  imports.use("./client.js", client);
  // The data as JSON strings, one per tool: TypeScript checks a string, not a literal type of every schema (a large
  // spec's tools would cost the type-checker more than its client), and JSON.parse reads it faster than JavaScript.
  const lines = methods.map(
    (m, i) => `  ${JSON.stringify(JSON.stringify(toolOf(doc, m, names[i]!, table, once)))},`,
  );
  const paging = methods.flatMap((m, i) => {
    if (!m.pagination) return [];
    const call = paginatorCall(m.pagination, "unknown");
    imports.use("@agentruns/core", call.slice(0, call.indexOf("<")));
    return [`  ${i}: () => ${call},`];
  });
  return (
    head +
    `// Why: every operation as an MCP tool for @agentruns/mcp, data beside the functions (a bundle of the client holds none of it).\n` +
    imports.render() +
    `\nconst data: readonly string[] = [\n${lines.join("\n")}\n];\n` +
    `\n/** The paging scheme of each list operation, by its index in \`data\`. */\n` +
    `const paging: Readonly<Record<number, ToolSpec["paging"]>> = {\n${paging.join("\n")}${paging.length ? "\n" : ""}};\n` +
    `\n/** The ${d.title} API's operations as Model Context Protocol tools. */\n` +
    `export const tools: ProviderTools = {\n` +
    `  id: ${JSON.stringify(d.id)},\n  title: ${JSON.stringify(d.title)},\n  Client: ${client},\n  provider,\n` +
    `  tools: parseTools(data, paging),\n};\n`
  );
}
