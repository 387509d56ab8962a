// A generated method's signature and call in the spec's names (`runsGet(client, runId: string, options?):
// APIPromise<GetRunResponse>`), its imports registered as it names them: what the functions, the resource classes
// and the API reference print.
import type { Method } from "./client-methods.js";
import type { Imports } from "./imports.js";
import { itemsOf, paginatorCall } from "./paging.js";
import type { ProviderDescriptor } from "./provider.js";

const q = JSON.stringify;

/**
 * Where a signature's types come from: the operation's type, and a component's by its alias. By default the typed
 * package's entry (`operations["getRun"]`, `Run`); a per-operation entry point names its own modules (fn.ts).
 */
export interface TypeSource {
  op: string;
  named: (alias: string) => string;
  /** The client as the call names it (a per-operation function types its untyped client by its one operation). */
  client: string;
}

/**
 * Whether a method takes its params object before its body: when the body is optional and a parameter is required
 * (Docker's `plugins.pull({ remote })`, not `plugins.pull(undefined, { remote })`).
 */
export const paramsFirst = (m: Method): boolean =>
  !!m.body && !m.body.required && !!m.params && !m.paramsOptional;

/** A method's arguments after the client (`name: type`), their names, its return type and its body. */
export function signature(d: ProviderDescriptor, m: Method, imp: Imports, from?: TypeSource) {
  const core = (name: string) => imp.type("@agentruns/core", name);
  const client = from?.client ?? "client";
  const op = from?.op ?? `${imp.type(d.packageName, "operations")}[${q(m.operationId)}]`;
  const named = (name: string | undefined) =>
    name && (from ? from.named(name) : imp.type(d.packageName, name));
  const args: [string, string][] = [];
  for (const p of m.pathParams)
    args.push([p.arg, `${p.arg}: ${m.types.path[p.name] ?? `${core("PathOf")}<${op}>[${q(p.name)}]`}`]);
  const body = m.body && (named(m.types.body) || `${core("BodyOf")}<${op}>`);
  const params = m.params && `params${m.paramsOptional ? "?" : ""}: ${m.params.name}`;
  // Required arguments before optional ones, so no call passes `undefined` to reach the next (paramsFirst).
  if (paramsFirst(m)) args.push(["params", params!], ["body", `body?: ${body}`]);
  else {
    if (m.body) args.push(["body", m.body.required ? `body: ${body}` : `body?: ${body}`]);
    // Optional, not `= {}`: `{}` is not assignable to params named like Object members (`constructor`).
    if (params) args.push(["params", params]);
  }
  args.push(["options", `options?: ${core("RequestOptions")}`]);
  const path = m.pathParams.length
    ? `path: { ${m.pathParams.map((p) => `${q(p.name)}: ${p.arg}`).join(", ")} }`
    : "";
  const layout: Record<string, unknown> = {};
  if (m.header.length) layout.header = m.header;
  if (m.cookie.length) layout.cookie = m.cookie;
  if (m.dates.length) layout.dates = m.dates.map((x) => x.name);
  if (Object.keys(m.groups).length) layout.groups = m.groups;
  if (Object.keys(m.renamed).length) layout.names = m.renamed;
  // Messages name the method as its user wrote it, with the operationId beside it (`Duvo runs.get (getRun)`).
  const method = q([...m.resource, m.name].join("."));
  const where = q(`${d.title} ${[...m.resource, m.name].join(".")} (${m.operationId})`);
  const fields = [path, m.body ? "body" : ""].filter(Boolean);
  let input: string;
  if (m.params) {
    // The signature types the params; paramsInput splits them into query, header and cookie for this operation.
    const spread = `...${imp.use("@agentruns/core", "paramsInput")}<${op}>(params, ${q(layout)}, ${where})`;
    input = `() => ({ ${[...fields, spread].join(", ")} })`;
  } else input = `{ ${fields.join(", ")} }`;
  const result = m.types.result
    ? `${named(m.types.result)}${m.types.empty ? " | undefined" : ""}`
    : `${core("ResultOf")}<${op}>`;
  let call: string;
  let returns: string;
  if (m.pagination) {
    const item = named(m.types.item) || `${core("ItemsAt")}<${result}, ${q(itemsOf(m.pagination))}>`;
    returns = `${core("PagePromise")}<${item}, ${result}>`;
    const paginator = paginatorCall(m.pagination, item);
    imp.use("@agentruns/core", paginator.slice(0, paginator.indexOf("<")));
    call = `${imp.use("@agentruns/core", "paginate")}(${client}, ${m.constant}, ${input}, ${paginator}, options, ${method})`;
  } else if (m.unwrap) {
    returns = `${core("APIPromise")}<${named(m.types.field) || `${result}[${q(m.unwrap)}]`}>`;
    call = `${client}.request(${m.constant}, ${input}, options, (data) => data[${q(m.unwrap)}], ${method})`;
  } else {
    returns = `${core("APIPromise")}<${result}>`;
    call = `${client}.request(${m.constant}, ${input}, options, undefined, ${method})`;
  }
  return { args, returns, call };
}
