// The Duckie client: one declaration over the generated Duckie types and the shared core, plus the two
// conveniences Duckie's query syntax needs (duration operators as an object, Dates for the time bounds).
import {
  BaseClient,
  isoDate,
  ValidationError,
  cursorPagination,
  type ClientOptions,
  type QueryOf,
  type RequestOptions,
} from "@agentruns/core";
import {
  createClient,
  operationTable,
  provider,
  type ApiClient,
  type Credentials,
  type RunSummary,
  type operations,
} from "@agentruns/duckie-openapi";

export interface DuckieOptions extends ClientOptions, Credentials {}

type Query = QueryOf<operations["listRuns"]>;
type DurationOp = "eq" | "gt" | "gte" | "lt" | "lte";

/** GET /api/v1/runs filters: `duration: { gte: 60, lt: 300 }` for `duration[gte]=60&duration[lt]=300`. */
export type ListRunsParams = Omit<Query, `duration[${DurationOp}]` | "created_after" | "created_before"> & {
  duration?: Partial<Record<DurationOp, number>>;
  created_after?: string | Date;
  created_before?: string | Date;
};

const OPS: readonly DurationOp[] = ["eq", "gt", "gte", "lt", "lte"];

function toQuery({ duration, created_after, created_before, ...rest }: ListRunsParams): Query {
  const query: Record<string, unknown> = {
    ...rest,
    created_after: isoDate("created_after", created_after),
    created_before: isoDate("created_before", created_before),
  };
  if (
    duration !== undefined &&
    (duration === null || typeof duration !== "object" || Array.isArray(duration))
  ) {
    throw new ValidationError(
      `Invalid input to Duckie listRuns: duration must be an object such as { gte: 60 }`,
      "query.duration",
    );
  }
  for (const [op, value] of Object.entries(duration ?? {})) {
    if (!OPS.includes(op as DurationOp)) {
      throw new ValidationError(
        `Invalid input to Duckie listRuns: duration.${op} is not an operator (use ${OPS.join(", ")})`,
        `query.duration.${op}`,
      );
    }
    query[`duration[${op}]`] = value;
  }
  return query as Query;
}

export class Duckie extends BaseClient<operations> {
  declare readonly raw: ApiClient;

  constructor(options: DuckieOptions = {}) {
    super({ title: "Duckie", provider, createClient, operationTable }, { ...options });
  }

  readonly runs = {
    /** Runs, newest first: await for one page, `for await` for every run (cursor pagination). */
    list: (params: ListRunsParams = {}, options?: RequestOptions) =>
      this.paginate(
        "listRuns",
        () => ({ query: toQuery(params ?? {}) }),
        cursorPagination<RunSummary>(),
        options,
      ),
  };
}
