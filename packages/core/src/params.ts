// The generated methods' one params object, split into what the wire wants: query, header and cookie parameters,
// Dates as ISO 8601 strings, and bracketed groups (`duration: { gte: 60 }` → `duration[gte]=60`).
import { isoDate } from "./dates.js";
import { ValidationError } from "./errors.js";
import type { CallInput } from "./types.js";

/** Where the params of one operation go; query parameters are everything not named here. */
export interface ParamsLayout {
  header?: readonly string[];
  cookie?: readonly string[];
  /** Query parameters that take a Date. */
  dates?: readonly string[];
  /** Bracketed query groups: `{ duration: ["gte", "lt"] }` for `duration[gte]`, `duration[lt]`. */
  groups?: Readonly<Record<string, readonly string[]>>;
  /** Header or cookie keys that differ from the wire name (a query parameter took it): `{ classHeader: "class" }`. */
  names?: Readonly<Record<string, string>>;
}

type Bag = Record<string, unknown>;

/** An own property even for a key like `__proto__`, so validation sees (and rejects) it instead of a prototype. */
const put = (bag: Bag, key: string, value: unknown) =>
  Object.defineProperty(bag, key, { value, enumerable: true, writable: true, configurable: true });

/** The query, header and cookie parts of an operation's input. */
export type ParamsOf<Op> = Pick<CallInput<Op>, "query" | "header" | "cookie">;

/**
 * `params` as `{ query, header?, cookie? }` of operation `Op`; a wrong Date or group throws a ValidationError (the
 * call rejects). The generated method's signature types `params`; this split is checked against the spec at run time.
 */
export function paramsInput<Op = unknown>(
  params: object | null | undefined,
  layout: ParamsLayout = {},
  where = "params",
): ParamsOf<Op> {
  if (params !== undefined && params !== null && (typeof params !== "object" || Array.isArray(params))) {
    throw new ValidationError(`Invalid input to ${where}: params must be an object`, "query");
  }
  const query: Bag = {};
  const header: Bag = {};
  const cookie: Bag = {};
  const groups: [string, unknown][] = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    const wire = layout.names && Object.hasOwn(layout.names, name) ? layout.names[name]! : name;
    if (layout.header?.includes(name)) put(header, wire, value);
    else if (layout.cookie?.includes(name)) put(cookie, wire, value);
    else if (layout.dates?.includes(name))
      put(query, name, isoDate(name, value as string | Date | undefined));
    else if (layout.groups && Object.hasOwn(layout.groups, name)) groups.push([name, value]);
    else put(query, name, value);
  }
  // Bracketed groups go last, in the order given: `…&duration[gte]=60&duration[lt]=300`.
  for (const [name, value] of groups) group(query, name, value, layout.groups![name]!, where);
  // The parts as the operation takes them: checked against its spec when the call is made, before any I/O.
  return {
    query,
    ...(layout.header?.length ? { header } : {}),
    ...(layout.cookie?.length ? { cookie } : {}),
  } as ParamsOf<Op>;
}

function group(query: Bag, name: string, value: unknown, keys: readonly string[], where: string): void {
  if (value === undefined) return;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError(
      `Invalid input to ${where}: ${name} must be an object such as { ${keys[0]}: … }`,
      `query.${name}`,
    );
  }
  for (const [key, v] of Object.entries(value)) {
    if (!keys.includes(key)) {
      throw new ValidationError(
        `Invalid input to ${where}: ${name}.${key} is not a key of ${name} (use ${keys.join(", ")})`,
        `query.${name}.${key}`,
      );
    }
    put(query, `${name}[${key}]`, v);
  }
}
