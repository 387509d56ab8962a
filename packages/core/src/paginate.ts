// `paginate(client, operation, …)`: a list call as a standalone function, outside BaseClient, so that a bundle whose
// operations never list holds no paging code (the generated list functions call it).
import type { WithResponse } from "./api-promise.js";
import {
  internalsOf,
  operationId,
  type ClientInternals,
  resolveInput,
  type BaseClient,
  type CallInput,
  type InputOf,
  type OperationRef,
  type RequestOptions,
  type ResultOf,
} from "./client.js";
import { ValidationError } from "./errors.js";
import type { OperationSpec } from "./validate.js";
import { PagePromise, type Paginator } from "./pagination.js";

/** Calls a list operation; the result is awaitable (one Page) and async-iterable (every item). Never throws. */
export function paginate<Ops, K extends keyof Ops & string, Item>(
  client: BaseClient<Ops>,
  operation: OperationRef<K>,
  input: InputOf<Ops[K]>,
  paginator: Paginator<ResultOf<Ops[K]>, Item>,
  options: RequestOptions = {},
): PagePromise<Item, ResultOf<Ops[K]>> {
  let core: ClientInternals;
  let id: string;
  try {
    core = internalsOf(client);
    id = operationId(operation);
  } catch (e) {
    // A wrong client or operation from plain JavaScript: the list rejects with it (an API that returns a promise
    // never throws).
    const error =
      e instanceof ValidationError
        ? e
        : new ValidationError(
            "paginate: the operation must be an operationId or an operation constant",
            "operation",
          );
    return new PagePromise(
      () => {
        throw error;
      },
      () => Promise.reject(error),
      paginator,
    );
  }
  let base: CallInput<unknown> = {};
  let spec: OperationSpec;
  // The paging parameters are the query, or the JSON body's fields for a paginator that sends them in the body.
  const inBody = paginator.in === "body";
  const fetchPage = (paging: Record<string, unknown>) =>
    core.execute(
      id,
      spec,
      (inBody ? { ...base, body: paging } : { ...base, query: paging }) as CallInput<unknown>,
      options,
    ) as Promise<WithResponse<ResultOf<Ops[K]>>>;
  const firstQuery = () => {
    spec = core.spec(operation);
    base = resolveInput(input) as CallInput<unknown>;
    const first = inBody ? (base.body ?? {}) : (base.query ?? {});
    if (inBody && (typeof first !== "object" || Array.isArray(first)))
      throw new ValidationError(`${core.title} ${id}: the request body must be an object`, "body");
    return Object.fromEntries(
      Object.entries(first as Record<string, unknown>).filter(([, v]) => v !== undefined),
    );
  };
  return new PagePromise(firstQuery, fetchPage, paginator, `${core.title} ${id}`);
}
