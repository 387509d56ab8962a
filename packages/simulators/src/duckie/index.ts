// The Duckie simulator: GET /api/v1/runs with every documented filter, keyset cursor pagination and Duckie's errors.
import type { IncomingHttpHeaders } from "node:http";
import type { ErrorCode } from "@agentruns/duckie-openapi";
import { SimError, type SimErrorKind } from "../errors.js";
import type { RateLimitState } from "../rate-limit.js";
import { Simulator, header, type Handler, type Reply, type SimulatorOptions } from "../server.js";
import { decodeCursor, encodeCursor, newestFirst } from "./cursor.js";
import { DuckieSeeder, type DuckieRun } from "./seed.js";

export type { DuckieRun } from "./seed.js";

const CODE: Record<SimErrorKind, ErrorCode> = {
  bad_request: "invalid_request",
  validation: "invalid_request",
  unauthorized: "unauthenticated",
  forbidden: "permission_denied",
  not_found: "not_found",
  conflict: "invalid_request",
  rate_limited: "rate_limited",
  internal: "internal_error",
};

const key = (r: DuckieRun) => ({ created: r.created, id: r.summary.id });

export class DuckieSimulator extends Simulator {
  readonly runs: DuckieRun[];
  readonly #seeder: DuckieSeeder;

  constructor(options: SimulatorOptions = {}) {
    super("duckie", options);
    this.#seeder = new DuckieSeeder(options.seed ?? 1);
    this.runs = this.#seeder.history(options.runs ?? 250, this.clock.now());
  }

  /** 600 requests per minute per key on the runs list (Duckie's docs). */
  protected override readonly documentedRateLimit = 600;

  /** Adds `count` runs created at `createdAt` (default: now), as if they happened during a test. */
  addRuns(count: number, createdAt = this.clock.now()): DuckieRun[] {
    const added = Array.from({ length: count }, () => this.#seeder.run(createdAt, this.clock.now()));
    this.runs.push(...added);
    return added;
  }

  protected apiKeyOf(headers: IncomingHttpHeaders): string {
    return header(headers, "authorization") ?? "";
  }

  protected authenticate(headers: IncomingHttpHeaders): SimError | undefined {
    const key = header(headers, "authorization")?.match(/^Bearer (.+)$/)?.[1];
    if (!key) return new SimError("unauthorized", "Missing API key: send Authorization: Bearer <key>");
    if (!this.keyAccepted(key)) return new SimError("unauthorized", "Invalid API key");
    return undefined;
  }

  protected override rateLimitHeaders(state: RateLimitState): Record<string, string> {
    return {
      "X-RateLimit-Limit": String(state.limit),
      "X-RateLimit-Remaining": String(state.remaining),
      "X-RateLimit-Reset": String(state.reset),
    };
  }

  protected renderError(error: SimError, requestId: string): Reply {
    return {
      status: error.status,
      body: { error: { code: CODE[error.kind], message: error.message, request_id: requestId } },
    };
  }

  protected readonly handlers: Record<string, Handler> = {
    listRuns: ({ query }) => {
      const q = query as Record<string, any>;
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const anyOf = (values: string[] | undefined, value: string | null | undefined) =>
        values === undefined || (value != null && values.includes(value));
      const lower = (s: unknown) => String(s ?? "").toLowerCase();
      const search = q.search === undefined ? undefined : lower(q.search);
      const d = (op: string) => q[`duration[${op}]`] as number | undefined;
      const matches = (r: DuckieRun) => {
        const s = r.summary;
        const duration = s.duration_seconds;
        return (
          anyOf(q.status, s.status) &&
          anyOf(q.ticket_id, s.ticket?.id) &&
          anyOf(q.agent_id?.map(lower), lower(s.agent?.id)) &&
          anyOf(q.source, s.source) &&
          anyOf(q.resolution_type, s.resolution?.type) &&
          (q.tool_name === undefined || r.tools.some((t) => q.tool_name.includes(t))) &&
          (q.created_after === undefined || r.created >= Date.parse(q.created_after)) &&
          (q.created_before === undefined || r.created < Date.parse(q.created_before)) &&
          (d("eq") === undefined || duration === d("eq")) &&
          (d("gt") === undefined || (duration != null && duration > d("gt")!)) &&
          (d("gte") === undefined || (duration != null && duration >= d("gte")!)) &&
          (d("lt") === undefined || (duration != null && duration < d("lt")!)) &&
          (d("lte") === undefined || (duration != null && duration <= d("lte")!)) &&
          (search === undefined ||
            [s.ticket?.title, s.ticket?.id, s.agent?.name].some((t) => lower(t).includes(search))) &&
          Object.entries<string>(q.metadata ?? {}).every(([k, v]) => r.metadata[k] === v) &&
          (after === undefined || newestFirst(after, key(r)) < 0)
        );
      };
      const limit = q.limit ?? 50;
      const page = this.runs
        .filter(matches)
        .sort((a, b) => newestFirst(key(a), key(b)))
        .slice(0, limit + 1);
      const hasMore = page.length > limit;
      const data = page.slice(0, limit);
      const last = data[data.length - 1];
      return {
        status: 200,
        body: {
          data: data.map((r) => r.summary),
          pagination: {
            limit,
            next_cursor: hasMore && last ? encodeCursor(key(last)) : null,
            has_more: hasMore,
          },
        },
      };
    },
  };
}

/** Starts a Duckie simulator on 127.0.0.1 (random port unless `port` is given). */
export function startDuckieSimulator(options: SimulatorOptions = {}): Promise<DuckieSimulator> {
  return new DuckieSimulator(options).start();
}
