// `agentruns api <provider> <METHOD> <path>`: any operation of a provider's spec, checked against the spec first.
import { readFileSync } from "node:fs";
import type { OperationSpec } from "@agentruns/core";
import { Cmd as Command } from "../command.js";
import { credentialNamed, type Context } from "../context.js";
import { UsageError } from "../exit-codes.js";
import { writeJson } from "../output.js";
import { ALL_PROVIDERS, providerById, type ApiProvider } from "../providers.js";
import { paramValue, splitPair, typeOf } from "../spec-flags.js";

/** The operation a method and a concrete path name, with the path parameters read out of the path. */
export function findOperation(provider: ApiProvider, method: string, path: string) {
  const wanted = method.toUpperCase();
  for (const [id, op] of Object.entries(provider.operations)) {
    if (op.method.toUpperCase() !== wanted) continue;
    const names: string[] = [];
    const pattern = op.path
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
    const m = new RegExp(`^${pattern}/?$`).exec(path);
    if (m) {
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      return { id, op, params };
    }
  }
  const list = Object.values(provider.operations)
    .map((op) => `  ${op.method.toUpperCase().padEnd(6)} ${op.path}`)
    .join("\n");
  throw new UsageError(
    `${provider.definition.title} has no operation ${wanted} ${path}; its operations:\n${list}`,
  );
}

/** `--query` pairs as the operation's query, typed by its spec; a name it does not have is a usage error. */
export function queryOf(op: OperationSpec, pairs: readonly string[], fromPath: URLSearchParams) {
  const query: Record<string, unknown> = {};
  const entries = [...fromPath.entries(), ...pairs.map(queryPair)];
  for (const [key, text] of entries) {
    let name = key;
    let sub: string | undefined;
    if (!Object.hasOwn(op.query, name)) {
      // An object parameter's member: metadata.team=… or metadata[team]=…
      const m = /^([^.[]+)(?:\.(.+)|\[(.+)\])$/.exec(key);
      if (m && Object.hasOwn(op.query, m[1]!)) [name, sub] = [m[1]!, m[2] ?? m[3]];
      else
        throw new UsageError(
          `${op.method.toUpperCase()} ${op.path} has no query parameter "${key}"` +
            (Object.keys(op.query).length
              ? ` (it takes: ${Object.keys(op.query).join(", ")})`
              : " (it takes none)"),
        );
    }
    const rule = op.query[name]!.schema;
    const type = typeOf(rule);
    if (sub !== undefined) query[name] = { ...(query[name] as object), [sub]: text };
    else if (type === "array")
      query[name] = [
        ...((query[name] as unknown[]) ?? []),
        paramValue(rule.items ?? {}, text, key, "--query"),
      ];
    else query[name] = paramValue(rule, text, key, "--query");
  }
  return query;
}

/**
 * `--header` pairs as the operation's header parameters under the spec's names (matched whatever their case), typed
 * by its spec; a header it does not declare is a usage error naming those it does.
 */
export function headerOf(op: OperationSpec, pairs: readonly string[]): Record<string, unknown> {
  const declared = Object.keys(op.header ?? {});
  const header: Record<string, unknown> = {};
  for (const text of pairs) {
    const pair = splitPair(text);
    if (!pair) throw new UsageError(`--header must be name=value, got "${text}"`);
    const name = declared.find((d) => d.toLowerCase() === pair[0].toLowerCase());
    if (name === undefined)
      throw new UsageError(
        `${op.method.toUpperCase()} ${op.path} has no header parameter "${pair[0]}"` +
          (declared.length ? ` (it takes: ${declared.join(", ")})` : " (it takes none)"),
      );
    const rule = op.header![name]!.schema;
    header[name] =
      typeOf(rule) === "array"
        ? [...((header[name] as unknown[]) ?? []), paramValue(rule.items ?? {}, pair[1], name, "--header")]
        : paramValue(rule, pair[1], name, "--header");
  }
  return header;
}

function queryPair(text: string): [string, string] {
  const pair = splitPair(text);
  if (!pair) throw new UsageError(`--query must be name=value, got "${text}"`);
  return pair;
}

/** `--data`: JSON text, `@file` or `@-` (stdin). */
export function bodyOf(data: string | undefined): unknown {
  if (data === undefined) return undefined;
  let text = data;
  if (data.startsWith("@")) {
    const file = data.slice(1);
    try {
      text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
      throw new UsageError(
        `--data ${data}: cannot read ${file === "-" ? "stdin" : file}: ${(e as Error).message}`,
      );
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--data is not valid JSON: ${(e as Error).message}`);
  }
}

interface ApiOpts {
  query?: string[];
  header?: string[];
  data?: string;
}

/** The options every form of the api command takes. */
function apiOptions(command: Command): Command {
  return command
    .argument("<method>", "GET, POST, …")
    .argument("<path>", "the path as sent, e.g. /v1/runs/<id> (a query string is allowed)")
    .option("--query <name=value>", "a query parameter; repeat for arrays", (v: string, p: string[] = []) => [
      ...p,
      v,
    ])
    .option(
      "--header <name=value>",
      "a header parameter of the operation; repeat for each (credential-named values stay out of logs and errors)",
      (v: string, p: string[] = []) => [...p, v],
    )
    .option("--data <json|@file|@->", "the JSON request body")
    .option("--base-url <url>", "the provider's base URL")
    .option("--json", "JSON (always: the flag is accepted like on every other command)");
}

/** Calls the operation `method` and `target` name on `provider`, checked against its spec; prints the answer. */
async function callOperation(
  c: Context,
  provider: ApiProvider,
  method: string,
  target: string,
  opts: ApiOpts,
) {
  const url = new URL(target, "http://path.invalid");
  const { id: operationId, op, params } = findOperation(provider, method, url.pathname);
  const query = queryOf(op, opts.query ?? [], url.searchParams);
  const header = headerOf(op, opts.header ?? []);
  // A value sent under a credential's kind of name (`X-Session-Token`) is a secret like the configured ones.
  for (const [name, value] of Object.entries(header)) if (credentialNamed(name)) c.secret(String(value));
  const body = bodyOf(opts.data);
  if (body !== undefined && !op.body)
    throw new UsageError(`${op.method.toUpperCase()} ${op.path} takes no request body (--data)`);
  const input = {
    path: params,
    query,
    ...(Object.keys(header).length ? { header } : {}),
    ...(body !== undefined ? { body } : {}),
  };
  const result = await c.client(provider).request(operationId, input as never, { signal: c.io.signal });
  await writeJson(c.io.stdout, result ?? null);
  return 0;
}

/** `agentruns api <provider> <METHOD> <path>`. */
export function apiCommand(ctx: () => Context): Command {
  const command = new Command("api")
    .description("call any operation of a provider's spec; the answer is printed as JSON")
    .argument("<provider>", ALL_PROVIDERS.map((p) => p.id).join(" | "));
  return apiOptions(command)
    .addHelpText(
      "after",
      "\nExamples:\n  agentruns api duckie GET /api/v1/runs --query status=failed --query duration[gte]=60\n" +
        '  agentruns api duvo POST /v1/runs --data \'{"agent_id":"0f8fad5b-d9cb-469f-a165-70867728950e"}\'',
    )
    .action(async (id: string, method: string, target: string, opts: ApiOpts) => {
      const provider = providerById(id);
      if (!provider)
        throw new UsageError(`unknown provider "${id}" (use ${ALL_PROVIDERS.map((p) => p.id).join(", ")})`);
      return callOperation(ctx(), provider, method, target, opts);
    });
}

/** `agentruns <provider> api <METHOD> <path>`: the same, under the provider's own command. */
export function providerApiCommand(ctx: () => Context, provider: ApiProvider): Command {
  const [first] = Object.values(provider.operations);
  return apiOptions(
    new Command("api").description(
      `call any operation of ${provider.definition.title}'s spec; prints the answer as JSON`,
    ),
  )
    .addHelpText(
      "after",
      first ? `\nExample:\n  agentruns ${provider.id} api ${first.method.toUpperCase()} ${first.path}` : "",
    )
    .action((method: string, target: string, opts: ApiOpts) =>
      callOperation(ctx(), provider, method, target, opts),
    );
}
