// The Avido client: one declaration over the generated Avido types and the shared core.
import {
  BaseClient,
  isoDate,
  skipPagination,
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
  type RunOutput,
  type operations,
} from "@agentruns/avido-openapi";

export interface AvidoOptions extends ClientOptions, Credentials {}

/** GET /v0/runs parameters; the date bounds also take Dates. */
export type ListRunsParams = Omit<QueryOf<operations["listRuns"]>, "startDate" | "endDate"> & {
  startDate?: string | Date;
  endDate?: string | Date;
};

export class Avido extends BaseClient<operations> {
  declare readonly raw: ApiClient;

  constructor(options: AvidoOptions = {}) {
    super({ title: "Avido", provider, createClient, operationTable }, { ...options });
  }

  readonly runs = {
    /** Evaluation runs: await for one page, `for await` for every run across pages. */
    list: (params: ListRunsParams = {}, options?: RequestOptions) =>
      this.paginate(
        "listRuns",
        () => ({
          query: {
            ...params,
            startDate: isoDate("startDate", params?.startDate),
            endDate: isoDate("endDate", params?.endDate),
          },
        }),
        skipPagination<RunOutput>(),
        options,
      ),
  };
}
