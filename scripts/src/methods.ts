// The naming rule of the generated ergonomic clients: which resource each operation belongs to and what its method
// is called (`runs.messages.list`), derived from tags and the path, stable across regenerations, overridable.
import { camel } from "./identifier.js";
import { camelWords, idWords, sameNoun, words } from "./operation-id.js";

export interface NamedOperation {
  operationId: string;
  method: string;
  path: string;
  tags?: string[];
  /** Its answer is a list: it pages, or its JSON answer is an array. */
  list?: boolean;
  /** The resource the spec declares for it (`x-speakeasy-group`, `x-fern-sdk-group-name`). */
  group?: string[];
  /** The method name the spec declares for it (`x-speakeasy-name-override`, `x-fern-sdk-method-name`). */
  nameOverride?: string;
}

export interface MethodName {
  operationId: string;
  /** Resource path from the client: `["runs", "messages"]`. */
  resource: string[];
  /** The method on that resource: `list`. */
  name: string;
}

/**
 * What an operation object's vendor extensions declare of its name: Speakeasy's `x-speakeasy-group` (dotted) and
 * `x-speakeasy-name-override`, Fern's `x-fern-sdk-group-name` (a name or a list) and `x-fern-sdk-method-name`.
 */
export function declaredName(
  operation: Readonly<Record<string, unknown>>,
): Pick<NamedOperation, "group" | "nameOverride"> {
  const group = operation["x-speakeasy-group"] ?? operation["x-fern-sdk-group-name"];
  const name = operation["x-speakeasy-name-override"] ?? operation["x-fern-sdk-method-name"];
  const parts = (typeof group === "string" ? group.split(".") : Array.isArray(group) ? group : [])
    .map((g) => (typeof g === "string" ? camel(g) : ""))
    .filter(Boolean);
  const method = typeof name === "string" ? camel(name) : "";
  return { ...(parts.length && { group: parts }), ...(method && { nameOverride: method }) };
}

/** Leading path segments that name an API version or prefix, not a resource. */
const PREFIX = /^(api|rest|v\d+[a-z0-9.]*|\d+(\.\d+)*)$/i;
/** Path segments that name an API version wherever they stand. */
const VERSION = /^(v\d+[a-z0-9.]*|\d+(\.\d+)+)$/i;
/** Azure's operationIds, `OperationGroup_Method` (`SignalR_ListBySubscription`): the SDKs' group and method. */
const GROUP_METHOD = /^([A-Z][A-Za-z0-9]*)_([A-Z][A-Za-z0-9]*)$/;
/** Dotted operationIds, the resource path and the method (`chat.postMessage`; Google's `directory.users.list`). */
const DOTTED = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
/** Names a resource may not take on the full client (its members: BaseClient's). */
const CLIENT_MEMBERS = new Set(["request", "constructor"]);
/** Names a method may not take on a resource class. */
const RESOURCE_MEMBERS = new Set(["client", "constructor"]);

/**
 * The client class of a provider titled `title` (`Duvo`, `Agent Runs` → `AgentRuns`; `<name>Client`, `<name>Core`
 * beside it): its words with their first letters capitalized; `Api` before a leading digit, `Api` alone when the
 * title has no ASCII letter or digit.
 */
export const clientName = (title: string): string => {
  const name = title
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return !name ? "Api" : /^\d/.test(name) ? `Api${name}` : name;
};

/** `["runs", "humanRequests"]` → `RunsHumanRequests`. */
export const pascal = (parts: string[]): string =>
  parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");

const VERBS: Record<"collection" | "item", Record<string, string>> = {
  collection: { GET: "list", POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" },
  item: { GET: "get", POST: "update", PUT: "update", PATCH: "update", DELETE: "delete" },
};

/** Leading words of an operationId that say what a call does, where the HTTP method alone would mislead. */
const READS_BY_POST = new Set(["list", "search", "query", "count"]);
const GETS_ONE = new Set(["get", "retrieve", "read", "fetch", "show", "describe"]);

/** Whether a name's last word is a plural noun (`edits`, `inputTokens`; not `status`, `access`, `analysis`). */
const plural = (name: string): boolean =>
  /[^su]s$/i.test(name.match(/[A-Za-z][a-z0-9]*$/)?.[0] ?? "") && !/(ss|us|is)$/i.test(name);

/**
 * The rule (README, "Generated clients"):
 * 1. The resource is the chain of the path's static segments after a version or `api` prefix
 *    (`/runs/{id}/messages` → `runs.messages`, `/organization/users` → `organization.users`), less leading segments
 *    every path shares that are no resource themselves nor plural (`/api/public/…`). A tag names the resource only of a path
 *    without static segments (else `general`). A flag written into the path key (`/responses?beta=true`) puts the
 *    operation under a resource of that name (`beta.responses.create`), beside the route without it.
 * 2. The method: on a collection (path ends in a static segment) `list` / `create` / `update` / `delete` by HTTP
 *    method; on an item (path ends in a parameter) `get` / `update` / `delete`; on a singleton (a collection without
 *    items whose GET answers one thing, named in the singular: `/organization/spend_limit`) `get` / `update` /
 *    `delete`. A last segment is a method of the resource before it, named after the segment, when it is:
 *    - an action on an item: after a parameter, no GET and nothing below it (`POST /runs/{id}/stop` → `runs.stop`);
 *    - an action on a collection: a POST with no GET and nothing below it, whose parent is a resource of the API or
 *      which the operationId's verb names (`POST /threads/search` → `threads.search`, `POST /graders/run`,
 *      `runGrader` → `graders.run`);
 *    - a read of one item's part: the only operation, a GET, after a parameter, nothing below it and no list
 *      (`GET /threads/{id}/history` → `threads.history`, `GET /videos/{id}/content` → `videos.content`);
 *    - a custom method after a colon (`POST /v1/{parent}/printers:batchCreate` → `printers.batchCreate`).
 *    A plural last segment (`/videos/edits`, `/jobs/{id}/events`) is a collection, never one of these.
 * 3. The operationId decides where it says more than the path:
 *    - an id that spells out resource and method says both: dotted (`chat.postMessage`; Google's
 *      `directory.users.list`, less the API's name every id starts with), Azure's `Group_Method`
 *      (`SignalR_ListBySubscription` → `signalR.listBySubscription`), Fern's `<tag>_<method>` (`comments_getById`
 *      tagged `Comments`; `unstable_dashboards_addPlacement` tagged `Unstable Dashboards` →
 *      `unstable.dashboards.addPlacement`);
 *    - an id that starts with the operation's tag (NounVerb: `ContainerList` tagged `Container`, `usage-costs`
 *      tagged `Usage`) names the method by what follows it, one word or the last segment's name, on the tag's
 *      resource: the path's segment the tag names (`GET /containers/json` → `containers.list`), else the tag's
 *      resource in the place of the last segment (`GET /info`, `SystemInfo` → `system.info`;
 *      `GET /organization/costs` → `organization.usage.costs`);
 *    - a POST on a collection named `list…` / `search…` / `query…` / `count…` is that verb (`POST /store/namespaces`,
 *      `list_namespaces` → `store.namespaces.list`), and a GET on a collection named `get…` whose answer is not a
 *      list is `get` (`GET /store/items?key=…`, `get_item` → `store.items.get`).
 * 4. Two operations that would share a name both take their operationId less the words the resource and the path's
 *    parameters already say, and less what FastAPI appends (`wait_run` → `runs.wait`, `create_and_wait_run` →
 *    `runs.createAndWait`); still colliding, the whole operationId (lower camel case); so does a method named like a
 *    sub-resource of its resource.
 * 5. What the spec's vendor extensions declare (`x-speakeasy-group` / `x-speakeasy-name-override`,
 *    `x-fern-sdk-group-name` / `x-fern-sdk-method-name`) wins over all of the above, and `overrides`
 *    (`operationId` → `"runs.messages.list"`) over those.
 */
export function nameMethods(
  operations: readonly NamedOperation[],
  overrides: Readonly<Record<string, string>> = {},
): MethodName[] {
  const clean = (p: string) => p.replace(/[?#].*$/s, "");
  const paths = new Set(operations.map((o) => clean(o.path)));
  const gets = new Set(operations.filter((o) => o.method === "GET").map((o) => clean(o.path)));
  const listGets = new Set(operations.filter((o) => o.method === "GET" && o.list).map((o) => clean(o.path)));
  const methodsAt = new Map<string, number>();
  for (const o of operations) methodsAt.set(clean(o.path), (methodsAt.get(clean(o.path)) ?? 0) + 1);
  // Every proper prefix of a path (something lies below it), and every prefix followed by a parameter (it has items).
  const below = new Set<string>();
  const withItems = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      below.add(prefix);
      if (parts[i]!.startsWith("{")) withItems.add(prefix);
    }
  }
  const isResource = (p: string) => paths.has(p) || withItems.has(p);
  const isParam = (s: string | undefined) => !!s && s.startsWith("{");
  // Each path's segments after its version or `api` prefix, then less the static segments all of them share that
  // are no resource (`/api/public/…`): nothing is served at the prefix nor at its items, and it is no plural noun.
  const segmentsOf = new Map<string, string[]>();
  for (const p of paths) {
    const segments = p.split("/").filter(Boolean);
    while (segments.length && PREFIX.test(segments[0]!) && !isParam(segments[0])) segments.shift();
    segmentsOf.set(p, segments);
  }
  const all = [...segmentsOf.values()];
  let shared = 0;
  while (
    all.length > 1 &&
    all.every((s) => s.length > shared + 1 && !isParam(s[shared]) && s[shared] === all[0]![shared]) &&
    all.every((s) => !isParam(s[shared + 1])) &&
    // A plural one names the collection they all belong to (`/plugins/pull`, `/plugins/push`): it stays.
    !plural(camel(all[0]![shared]!))
  )
    shared++;
  if (shared && all.every((s) => s[shared] === all[0]![shared])) shared = 0;
  // Dotted ids of three parts or more that all start alike start with the API's name (Google's `directory.…`).
  const long = operations
    .map((o) => o.operationId)
    .filter((id) => DOTTED.test(id) && id.split(".").length > 2);
  const apiName = long.length > 1 && long.every((id) => id.split(".")[0] === long[0]!.split(".")[0]);
  const roots = new Set(
    all
      .map((s) => s[shared])
      .filter((s) => s !== undefined && !isParam(s))
      .map((s) => camel(s!)),
  );

  const named: (MethodName & { declared?: boolean })[] = operations.map((op) => {
    // A query or fragment written into the path (`/uploads?convert={convert}`, `/#X-Amz-Target=…`) names nothing,
    // except a flag (`?beta=true`), which names a variant of the route.
    const path = clean(op.path);
    const flag = /\?([A-Za-z_][\w-]*)=true$/.exec(op.path)?.[1];
    const segments = segmentsOf.get(path)!.slice(shared);
    // A custom method (`/printers:batchCreate`, `/{name}:cancel`, as Google's APIs write them) is an action of the
    // resource before the colon.
    const custom = /^(.*?):([A-Za-z][\w-]*)$/.exec(segments.at(-1) ?? "");
    if (custom) segments.splice(-1, 1, ...(custom[1] ? [custom[1]] : []), `:${custom[2]}`);
    const last = segments.at(-1);
    const alone = !below.has(path);
    const lastIsStatic = last !== undefined && !isParam(last);
    const afterParam = isParam(segments.at(-2));
    const parent = path.slice(0, path.lastIndexOf("/"));
    const id = idWords(op.operationId, op.method, path);
    const verb = id[0] ?? "";
    // Of a collection's own segments, a plural one (`/videos/edits`, `/jobs/{id}/events`) is a sub-collection,
    // unless the operationId's verb starts its words (`/runs/{id}/submit_tool_outputs`, `submitToolOutputs`).
    const noun =
      lastIsStatic && plural(camel(last!)) && !(words(last!).length > 1 && words(last!)[0] === verb);
    // A segment the operationId's verb names is an action whatever the HTTP method (`PUT …/snapshots/recover`,
    // `recover_from_snapshot`; `GET /auth/logout`, `logout`).
    const verbNamed = lastIsStatic && segments.length >= 2 && camel(last!) === camel(verb);
    const action =
      !!custom ||
      (lastIsStatic &&
        alone &&
        !noun &&
        (verbNamed ||
          (!gets.has(path) &&
            (afterParam || (op.method === "POST" && segments.length >= 2 && isResource(parent))))));
    const part =
      lastIsStatic &&
      alone &&
      !noun &&
      afterParam &&
      op.method === "GET" &&
      methodsAt.get(path) === 1 &&
      !op.list;
    // A version in mid-path (`/admin/directory/v1/users`, `/files/v3/files`) names no resource either.
    const statics = (action || part ? segments.slice(0, -1) : segments)
      .filter((s) => !isParam(s) && !VERSION.test(s))
      .map(camel);
    let resource = statics.length ? statics : [(op.tags?.[0] && camel(op.tags[0])) || "general"];
    let name: string;
    const nounVerb = byTag(op, id, segments.filter((s) => !isParam(s) && !VERSION.test(s)).map(camel), roots);
    const groupMethod = GROUP_METHOD.exec(op.operationId);
    const dotted = DOTTED.test(op.operationId) ? op.operationId.split(".").slice(apiName ? 1 : 0) : undefined;
    if (dotted) [resource, name] = [dotted.slice(0, -1).map(camel), camel(dotted.at(-1)!)];
    else if (groupMethod) [resource, name] = [[camel(groupMethod[1]!)], camel(groupMethod[2]!)];
    else if (nounVerb) ({ resource, name } = nounVerb);
    else if (custom) name = camel(custom[2]!);
    else if (action || part) {
      name = camel(last!);
      if (op.method !== "POST" && (methodsAt.get(path) ?? 0) > 1)
        name = camel(`${op.method.toLowerCase()}-${last}`);
    } else {
      const kind = isParam(last) ? "item" : "collection";
      name = VERBS[kind][op.method] ?? op.method.toLowerCase();
      if (kind === "collection" && op.method === "POST" && READS_BY_POST.has(verb)) name = verb;
      // Only a collection without items (`/store/items` with no `/store/items/{…}`) answering one thing.
      const one = !op.list && !withItems.has(path) && !plural(camel(op.operationId));
      if (kind === "collection" && op.method === "GET" && GETS_ONE.has(verb) && one) name = "get";
      // A singleton: no items, its GET answers one thing, and neither its name nor its id's verb says many
      // (`GET /search`, `search`, stays a list).
      const singleton =
        kind === "collection" &&
        gets.has(path) &&
        !listGets.has(path) &&
        !withItems.has(path) &&
        !noun &&
        !READS_BY_POST.has(verb);
      if (singleton) name = VERBS.item[op.method] ?? name;
    }
    if (flag) resource = [camel(flag), ...resource];
    const declared = op.group !== undefined || op.nameOverride !== undefined;
    if (op.group) resource = op.group;
    if (op.nameOverride) name = op.nameOverride;
    return {
      operationId: op.operationId,
      resource: resource.filter(Boolean),
      name,
      ...(declared && { declared }),
    };
  });

  // Rule 4: collisions, and methods named like a sub-resource of their own resource, take their operationId: first
  // less what the resource and the path's parameters say, then whole.
  const key = (m: MethodName) => [...m.resource, m.name].join(".");
  // Every sub-resource, ancestors included: `a.b.c.d` makes `a.b`, `a.b.c` and `a.b.c.d` members of their parents.
  const children = () =>
    new Set(named.flatMap((m) => m.resource.slice(1).map((_, i) => m.resource.slice(0, i + 2).join("."))));
  for (let round = 0; round < 3; round++) {
    const counts = new Map<string, number>();
    for (const m of named) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    const subs = children();
    const clashing = [...named.keys()].filter((i) => {
      const m = named[i]!;
      return (
        !m.declared && ((counts.get(key(m)) ?? 0) > 1 || subs.has(key(m)) || RESOURCE_MEMBERS.has(m.name))
      );
    });
    // The first round's shorter names stand only where they clash with nothing, each other included.
    const held = new Set(named.filter((_, i) => !clashing.includes(i)).map(key));
    const shorter = clashing.map((i) => [
      ...named[i]!.resource,
      ownWords(operations[i]!, named[i]!.resource),
    ]);
    clashing.forEach((i, n) => {
      const k = shorter[n]!.join(".");
      const own =
        round === 0 &&
        !held.has(k) &&
        !subs.has(k) &&
        !RESOURCE_MEMBERS.has(shorter[n]!.at(-1)!) &&
        shorter.every((other, o) => o === n || other.join(".") !== k);
      named[i]!.name = own ? shorter[n]!.at(-1)! : camel(named[i]!.operationId);
    });
  }
  for (const m of named) {
    if (CLIENT_MEMBERS.has(m.resource[0]!)) m.resource[0] = `${m.resource[0]}Api`;
    const override = Object.hasOwn(overrides, m.operationId) ? overrides[m.operationId] : undefined;
    if (override) {
      // Checked against the spec with the rest of the entry (check-entry.ts).
      const parts = override.split(".");
      m.resource = parts.slice(0, -1);
      m.name = parts.at(-1)!;
    }
  }
  // A sub-resource may not take a name its parent class already has (`client`, `constructor`).
  for (const m of named)
    m.resource = m.resource.map((r, i) => (i > 0 && RESOURCE_MEMBERS.has(r) ? `${r}Api` : r));
  // Whatever still collides (an operationId equal to another's derived name, or to a sub-resource of its resource)
  // is numbered, deterministically.
  const subs = children();
  const seen = new Map<string, number>();
  for (const m of named) {
    let n = (seen.get(key(m)) ?? 0) + 1;
    seen.set(key(m), n);
    if (n === 1 && !subs.has(key(m)) && !RESOURCE_MEMBERS.has(m.name)) continue;
    const base = m.name;
    do m.name = `${base}${++n}`;
    while (seen.has(key(m)) || subs.has(key(m)));
    seen.set(key(m), 1);
  }
  return named.map(({ operationId, resource, name }) => ({ operationId, resource, name }));
}

/**
 * Rule 3's NounVerb: an operationId that starts with the operation's tag (`ContainerList`, tag `Container`) and goes
 * on with one word, or with the last segment's name, is that method of the tag's resource: the path's segment that
 * names it, else the tag (as a root resource spells it, `images` for `Image`) in the place of the last segment.
 */
function byTag(
  op: NamedOperation,
  id: readonly string[],
  statics: readonly string[],
  roots: ReadonlySet<string>,
): { resource: string[]; name: string } | undefined {
  const tag = words(op.tags?.[0] ?? "");
  if (!tag.length || id.length <= tag.length) return undefined;
  // Word for word: `inviteUser` tagged `Invites` is a verb and its object, not the tag's resource and a method.
  if (!tag.every((w, i) => w === id[i])) return undefined;
  const rest = id.slice(tag.length);
  const name = camelWords(rest);
  const tagName = camelWords(tag);
  const at = statics.findIndex((s) => sameNoun(s.toLowerCase(), tagName.toLowerCase()));
  const root = [...roots].find((r) => sameNoun(r.toLowerCase(), tagName.toLowerCase())) ?? tagName;
  // `<tag>_<method>`, as Fern writes them, the tag's words split at `_` into resources (`comments_getById`,
  // `unstable_dashboards_addPlacement` tagged `Unstable Dashboards`): the resources and method its SDK has.
  const parts = op.operationId.split("_");
  const method = camel(parts.at(-1)!);
  if (parts.length > 1 && method && words(parts.slice(0, -1).join(" ")).join(" ") === tag.join(" "))
    return { resource: parts.slice(0, -1).map(camel), name: method };
  if (at >= 0 && (rest.length === 1 || name === statics.at(-1)))
    return { resource: statics.slice(0, at + 1), name };
  if (at < 0 && statics.length && name === statics.at(-1))
    return { resource: [...statics.slice(0, -1), root], name };
  return undefined;
}

/**
 * Rule 4's first try: the operationId's words less those the resource or a path parameter already says, with the
 * preposition before them (`patchTemplatesByTemplateID` → `patch`, `assignAnnotationConfigToProject` → `assign`; a word after `and`/`or` stays: `create_thread_and_run`
 * → `createAndRun`); its first word when nothing else is left.
 */
function ownWords(op: NamedOperation, resource: readonly string[]): string {
  const said = [
    ...resource.flatMap((r) => words(r)),
    ...[...op.path.matchAll(/\{([^}]+)\}/g)].flatMap((m) => words(m[1]!)),
  ];
  const id = idWords(op.operationId, op.method, op.path.replace(/[?#].*$/s, ""));
  const isSaid = (i: number): boolean =>
    i < id.length &&
    !/^(and|or)$/.test(id[i - 1] ?? "") &&
    (said.some((s) => sameNoun(s, id[i]!)) || (PREPOSITION.test(id[i]!) && isSaid(i + 1)));
  const kept = id.filter((_, i) => !isSaid(i));
  return camelWords(kept.length ? kept : id.slice(0, 1));
}

/** Words that only tie an operationId's next word to it (`…ByTemplateID`, `…ToProject`). */
const PREPOSITION = /^(by|to|from|for|in|into|of|on|with|via)$/;
