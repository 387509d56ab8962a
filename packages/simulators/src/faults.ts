// Fault injection: make chosen requests fail the way real networks and gateways fail, a set number of times.

/** What happens to a matched request. */
export type FaultAction =
  /** Answer with this status (the provider's error body unless `body` is given) without running the handler. */
  | {
      type: "status";
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      /** `Retry-After` in seconds, or an HTTP date. */
      retryAfter?: number | string;
      /** `retry-after-ms`. */
      retryAfterMs?: number;
      /** `x-ratelimit-reset`, Unix seconds. */
      rateLimitReset?: number;
    }
  /** Wait this long (real time) before handling the request normally. */
  | { type: "delay"; ms: number }
  /**
   * Destroy the connection. `before-handler`: the request never took effect.
   * `mid-body`: the handler ran (state changed), then the response was cut after its headers and half its body.
   */
  | { type: "reset"; when: "before-handler" | "mid-body" }
  /** Never answer (until the client gives up or the simulator closes); `after-handler` lets the request take effect first. */
  | { type: "stall"; when: "before-handler" | "after-handler" }
  /**
   * Answer with a broken body. `truncated`: the handler ran and its JSON is cut in half.
   * `non-json`: a text/plain error; `html`: a gateway's HTML error page (both without running the handler).
   */
  | { type: "body"; body: "truncated" | "non-json" | "html"; status?: number };

export interface FaultMatch {
  /** HTTP method, e.g. "POST". */
  method?: string;
  /** Exact pathname, a RegExp over it, or an operationId. */
  path?: string | RegExp;
  operationId?: string;
}

export interface FaultRule {
  match?: FaultMatch;
  /** How many matching requests it affects (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

interface Armed extends FaultRule {
  left: number;
}

export class Faults {
  #rules: Armed[] = [];

  /** Arms a fault; rules are tried in the order they were added. */
  inject(rule: FaultRule): this {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError(`fault times must be > 0, got ${times}`);
    this.#rules.push({ ...rule, left: times });
    return this;
  }

  /** Shorthand: the next `times` requests (matching `match`) get `status`. */
  failNext(
    times: number,
    status: number,
    extra: Omit<Extract<FaultAction, { type: "status" }>, "type" | "status"> & { match?: FaultMatch } = {},
  ): this {
    const { match, ...action } = extra;
    return this.inject({ match, times, action: { type: "status", status, ...action } });
  }

  clear(): void {
    this.#rules = [];
  }

  /** Faults still armed. */
  get pending(): number {
    return this.#rules.reduce((n, r) => n + (Number.isFinite(r.left) ? r.left : 1), 0);
  }

  /** Consumes and returns the first armed fault matching this request. */
  take(method: string, pathname: string, operationId: string | undefined): FaultAction | undefined {
    const rule = this.#rules.find((r) => matches(r.match, method, pathname, operationId));
    if (!rule) return undefined;
    if (--rule.left <= 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule.action;
  }
}

function matches(
  m: FaultMatch | undefined,
  method: string,
  pathname: string,
  operationId: string | undefined,
): boolean {
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (m.operationId && m.operationId !== operationId) return false;
  if (typeof m.path === "string" && m.path !== pathname) return false;
  if (m.path instanceof RegExp && !m.path.test(pathname)) return false;
  return true;
}
