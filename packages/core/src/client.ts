// The class every provider client extends: its settings resolved once at construction, calls by operationId or by
// generated constant, and the friend access the core's standalone functions (paginate, rawClient) use.
import { APIPromise, withData, type Answered, type WithResponse } from "./api-promise.js";
import type { ClientOptions, ProviderDefinition, RequestOptions } from "./client-options.js";
import { ValidationError } from "./errors.js";
import { retryClass } from "./call-plan.js";
import { execute } from "./execute.js";
import { unexpected } from "./interpret.js";
import type { Log } from "./logging.js";
import { resolveSettings, type ClientSettings } from "./settings.js";
import type { Transport } from "./transport.js";
import type { CallInput, InputOf, OperationRef, ResultOf } from "./types.js";
import type { CallInput as WireInput } from "./validate.js";
import type { CredentialValue } from "./wire/credentials.js";
import type { OperationSpec } from "./wire/operation.js";

type Env = Readonly<Record<string, string | undefined>>;

/** An operation's name in messages: its operationId, or method and path. */
export const operationId = (operation: string | OperationSpec): string =>
  typeof operation === "string"
    ? operation
    : (operation.operationId ?? `${operation.method} ${operation.path}`);

/** How messages name a call: the method and, in parentheses, its operationId (`runs.get (getRun)`); else the id. */
export const callName = (id: string, method: string | undefined): string =>
  method ? `${method} (${id})` : id;

/** A call's input, built now if it is a function (so what it throws becomes the rejection). */
export const resolveInput = <Op>(input: InputOf<Op>): CallInput<Op> =>
  typeof input === "function" ? input() : (input ?? {});

/** What the core's standalone functions (paginate.ts, raw-client.ts) read of a client: not part of the public API. */
export interface ClientInternals {
  readonly title: string;
  /** The operation's spec: the constant passed, or the table's entry for a name; throws ValidationError if none. */
  spec(operation: string | OperationSpec): OperationSpec;
  /** One call: validated, sent, retried; resolves to the success body or rejects with a typed error. */
  execute(
    id: string,
    spec: OperationSpec,
    input: WireInput,
    options: RequestOptions,
    name?: string,
  ): Promise<Answered<unknown>>;
  /** What a raw (openapi-fetch) client needs to send as this client does (rawClient). */
  settings(): {
    credentials: ReadonlyMap<string, CredentialValue>;
    env: Env;
    baseUrl: string;
    transport: Transport;
    headers: Record<string, string> | undefined;
    /** The client's log when its level is debug, else undefined. */
    debug: Log | undefined;
    /** Headers a debug line masks. */
    masked: readonly string[];
  };
}

/**
 * A client's internals, for the core's own standalone functions (`paginate`, `rawClient`), which live outside the
 * class so that a bundle that never lists holds no paging code, and only the full clients hold openapi-fetch.
 */
export let internalsOf: (client: BaseClient<any>) => ClientInternals;

export class BaseClient<Ops> {
  static {
    internalsOf = (client) => {
      const s = client.#s;
      return {
        title: s.title,
        spec: (operation) => client.#spec(operation),
        execute: (id, spec, input, options, name) => execute(s, id, spec, input, options, name),
        settings: () => ({
          credentials: s.values,
          env: s.env,
          baseUrl: s.base,
          transport: s.transport,
          headers: s.givenHeaders,
          debug: s.debug ? s.log : undefined,
          masked: s.masked,
        }),
      };
    };
  }

  /** The operations type, for inference by the standalone functions (`paginate(client, …)`); never set at run time. */
  declare readonly "~operations"?: Ops;
  readonly #s: ClientSettings;
  readonly #table: Readonly<Record<string, OperationSpec>> | undefined;

  constructor(def: ProviderDefinition<Ops>, options: ClientOptions & Record<string, unknown> = {}) {
    this.#s = resolveSettings(def as ProviderDefinition<unknown>, options);
    this.#table = def.operationTable as Readonly<Record<string, OperationSpec>> | undefined;
  }

  /**
   * Calls one operation of the spec; resolves to its success body (or `map` of it). Never throws: it rejects.
   * `method` is the generated method's name (`runs.get`), which messages then show beside the operationId.
   */
  request<K extends keyof Ops & string, R = ResultOf<Ops[K]>>(
    operation: OperationRef<K>,
    input: InputOf<Ops[K]>,
    options: RequestOptions = {},
    map?: (data: ResultOf<Ops[K]>) => R,
    method?: string,
  ): APIPromise<R> {
    return new APIPromise(this.#call(operation, input, options, map, method));
  }

  /** `request`'s work; async, so anything it throws (an unknown operation, a bad input function) is a rejection. */
  async #call<R>(
    operation: string | OperationSpec,
    input: InputOf<unknown>,
    options: RequestOptions,
    map: ((data: any) => R) | undefined,
    method: string | undefined,
  ): Promise<WithResponse<R>> {
    const id = operationId(operation);
    const spec = this.#spec(operation);
    const wire = resolveInput(input) as WireInput;
    this.checkInput(id, wire);
    const r = await execute(this.#s, id, spec, wire, options, callName(id, method));
    return map ? withData(r, this.#mapped(id, spec, r, map)) : (r as WithResponse<R>);
  }

  /**
   * A provider's own rule for an operation's input, beyond what its spec can say (Duvo: an answer to a human request
   * is exactly one of an approval or answers): a package's hand-written client (`src/extras/`) overrides it to throw
   * a ValidationError. It runs for every call by name or constant, before anything is sent, so a method, a function
   * given this client and an MCP tool call all meet it.
   */
  protected checkInput(_operationId: string, _input: WireInput): void {}

  /** The operation's spec: the constant passed, or the table's entry for a name. */
  #spec(operation: string | OperationSpec): OperationSpec {
    if (typeof operation !== "string") return operation;
    const spec = this.#table?.[operation];
    if (!spec) {
      throw new ValidationError(
        `${this.#s.title} has no operation "${operation}"` +
          (this.#table ? "" : " in this client: call it through its function or the full client"),
        "operationId",
      );
    }
    return spec;
  }

  /** `map` of a success body; a body without what the method returns is an error, not `undefined` or a TypeError. */
  #mapped<R>(id: string, spec: OperationSpec, r: Answered<unknown>, map: (data: unknown) => R): R {
    const data = r.data !== null && typeof r.data === "object" ? map(r.data) : undefined;
    if (data !== undefined) return data;
    const path = r.answer.url ? new URL(r.answer.url).pathname : spec.path;
    const cls = retryClass(this.#s, id, spec.method);
    const problem = `answered ${r.answer.status} without the expected body (${r.data === undefined ? "empty" : "a different shape"})`;
    const text = r.data === undefined ? undefined : JSON.stringify(r.data);
    throw unexpected(this.#s, { label: `${spec.method} ${path}`, cls }, r.answer, problem, text, 1);
  }
}
