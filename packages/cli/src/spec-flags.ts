// A list operation's query parameters, read from the generated operation table, as command-line flags: every filter
// the spec has becomes a flag (`duration[gte]` → --duration-gte, arrays repeatable, objects as k=v, dates ISO or 7d).
import type { OperationSpec, Rule } from "@agentruns/core";
import { InvalidArgumentError, Option } from "commander";
import { completes } from "./completion.js";
import { UsageError } from "./exit-codes.js";
import { parseInstant } from "./time.js";

/** `duration[gte]` → `duration-gte`, `created_after` → `created-after`, `orderBy` → `order-by`. */
export const flagName = (param: string): string =>
  param
    .replace(/\[(\w+)\]/g, "-$1")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[_.\s]+/g, "-")
    .toLowerCase();

/** Commander's attribute name for a flag. */
const attribute = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `name=value` split at its first `=`; undefined when there is none or the name is empty. */
export function splitPair(text: string): [name: string, value: string] | undefined {
  const eq = text.indexOf("=");
  return eq < 1 ? undefined : [text.slice(0, eq), text.slice(eq + 1)];
}

/** A rule's type, the non-null one of a type list. */
export const typeOf = (rule: Rule): string | undefined =>
  Array.isArray(rule.type) ? rule.type.find((t) => t !== "null") : (rule.type as string | undefined);

/** One value of a parameter from its text: numbers, booleans, enums and date-times checked and converted. */
function scalar(rule: Rule, text: string, flag: string): unknown {
  const type = typeOf(rule);
  if (rule.enum && !rule.enum.map(String).includes(text))
    throw new InvalidArgumentError(`"${text}" is not one of ${rule.enum.join(", ")}.`);
  if (type === "integer" || type === "number") {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n) || (type === "integer" && !Number.isInteger(n)))
      throw new InvalidArgumentError(`It must be ${type === "integer" ? "a whole number" : "a number"}.`);
    return n;
  }
  if (type === "boolean") {
    if (text !== "true" && text !== "false") throw new InvalidArgumentError("It must be true or false.");
    return text === "true";
  }
  if (rule.format === "date-time") {
    try {
      return parseInstant(text, `--${flag}`);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  }
  return text;
}

export interface SpecFlag {
  param: string;
  option: Option;
  attribute: string;
}

/** The flags of an operation's query parameters, minus those the CLI sets itself (`skip`: paging). */
export function specFlags(operation: OperationSpec, skip: readonly string[]): SpecFlag[] {
  const flags: SpecFlag[] = [];
  for (const [param, spec] of Object.entries(operation.query)) {
    if (skip.includes(param)) continue;
    const flag = flagName(param);
    const rule = spec.schema;
    const type = typeOf(rule);
    let option: Option;
    if (type === "array") {
      const items = rule.items ?? {};
      option = new Option(`--${flag} <value>`, describe(items, "repeatable: any of them matches")).argParser(
        (text: string, previous: unknown[] | undefined) => {
          // Enum values never hold commas, so `--status completed,failed` is two values.
          const parts = items.enum ? text.split(",").filter(Boolean) : [text];
          return [...(previous ?? []), ...parts.map((p) => scalar(items, p, flag))];
        },
      );
    } else if (type === "object") {
      option = new Option(`--${flag} <key=value>`, "repeatable: every pair must match").argParser(
        (text: string, previous: Record<string, string> | undefined) => {
          const pair = splitPair(text);
          if (!pair) throw new InvalidArgumentError("It must be key=value.");
          return { ...previous, [pair[0]]: pair[1] };
        },
      );
    } else {
      option = new Option(`--${flag} <value>`, describe(rule)).argParser((text: string) =>
        scalar(rule, text, flag),
      );
    }
    const values = (type === "array" ? rule.items?.enum : rule.enum)?.map(String);
    if (values) completes(option, values);
    flags.push({ param, option, attribute: attribute(flag) });
  }
  return flags;
}

function describe(rule: Rule, extra?: string): string {
  const parts: string[] = [];
  if (rule.enum) parts.push(`one of ${rule.enum.join(", ")}`);
  else if (rule.format === "date-time") parts.push("ISO 8601 or a time ago (7d, 12h)");
  else if (typeOf(rule) === "integer") parts.push("a whole number");
  else if (typeOf(rule) === "number") parts.push("a number");
  else if (rule.format) parts.push(rule.format);
  if (rule.minimum !== undefined || rule.maximum !== undefined)
    parts.push(`${rule.minimum ?? "…"}–${rule.maximum ?? "…"}`);
  if (extra) parts.push(extra);
  return parts.join("; ");
}

/** The query the flags describe, in the spec's parameter names. */
export function queryFrom(
  flags: readonly SpecFlag[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const f of flags) if (values[f.attribute] !== undefined) query[f.param] = values[f.attribute];
  return query;
}

/** A parameter's value from `--query name=value` or `--header name=value` text (`agentruns api`): typed by the
 * spec, or a usage error naming the flag. */
export function paramValue(rule: Rule, text: string, name: string, flag: "--query" | "--header"): unknown {
  try {
    return scalar(rule, text, name);
  } catch (e) {
    throw new UsageError(`${flag} ${name}=${text}: ${(e as Error).message}`);
  }
}
