// `paginate(client, operation, …)`: a list call as a standalone function, outside BaseClient, so that a bundle whose
// operations never list holds no paging code (the generated list functions call it).
import type { Answered } from "./api-promise.js";
import {
  callName,
  internalsOf,
  operationId,
  resolveInput,
  type BaseClient,
  type ClientInternals,
} from "./client.js";
import type { RequestOptions } from "./client-options.js";
import type { InputOf, OperationRef, ResultOf } from "./types.js";
import { ValidationError } from "./errors.js";
import type { CallInput as WireInput } from "./validate.js";
import type { OperationSpec } from "./wire/operation.js";
import { PagePromise, type Paginator } from "./pagination.js";

/**
 * Paging values as the spec types them. A next page's query can come off the wire as text (a Link header's URL says
 * `page=2`), and the spec's number parameter would refuse the string "2" before the next page is asked for.
 */
function asDeclared(spec: OperationSpec, query: Record<string, unknown>): Record<string, unknown> {
  const typed = { ...query };
  for (const [name, v] of Object.entries(typed)) {
    // Own keys only: a query key like `constructor` is the caller's, not the spec's.
    const type = String(Object.hasOwn(spec.query, name) && spec.query[name]!.schema.type);
    if (
      typeof v === "string" &&
      /integer|number/.test(type) &&
      !/string/.test(type) &&
      /^-?\d+(\.\d+)?$/.test(v)
    )
      typed[name] = Number(v);
  }
  return typed;
}

/** Calls a list operation; the result is awaitable (one Page) and async-iterable (every item). Never throws. */
export function paginate<Ops, K extends keyof Ops & string, Item>(
  client: BaseClient<Ops>,
  operation: OperationRef<K>,
  input: InputOf<Ops[K]>,
  paginator: Paginator<ResultOf<Ops[K]>, Item>,
  options: RequestOptions = {},
  /** The generated method's name (`runs.list`), which messages show beside the operationId. */
  method?: string,
): PagePromise<Item, ResultOf<Ops[K]>> {
  // Everything that can fail runs in firstQuery, inside the promise: a wrong client (the slip
  // `paginate(operation, client, …)`) or operation rejects the list, it never throws.
  let core: ClientInternals;
  let id: string;
  let name: string;
  let base: WireInput = {};
  let spec: OperationSpec;
  // The paging parameters are the query, or the JSON body's fields for a paginator that sends them in the body.
  const inBody = paginator.in === "body";
  const fetchPage = (paging: Record<string, unknown>) =>
    core.execute(
      id,
      spec,
      (inBody ? { ...base, body: paging } : { ...base, query: asDeclared(spec, paging) }) as WireInput,
      options,
      name,
    ) as Promise<Answered<ResultOf<Ops[K]>>>;
  const firstQuery = () => {
    core = internalsOf(client);
    id = operationId(operation);
    name = callName(id, method);
    spec = core.spec(operation);
    base = resolveInput(input) as WireInput;
    const first = inBody ? (base.body ?? {}) : (base.query ?? {});
    if (inBody && (typeof first !== "object" || Array.isArray(first)))
      throw new ValidationError(`${core.title} ${name}: the request body must be an object`, "body");
    return Object.fromEntries(
      Object.entries(first as Record<string, unknown>).filter(([, v]) => v !== undefined),
    );
  };
  return new PagePromise(firstQuery, fetchPage, paginator, () => `${core.title} ${name}`);
}
