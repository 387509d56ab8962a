// The Duvo client: each method is one declaration over the generated Duvo types and the shared core.
import {
  BaseClient,
  isoDate,
  ValidationError,
  offsetPagination,
  type ClientOptions,
  type QueryOf,
  type RequestOptions,
} from "@agentruns/core";
import {
  createClient,
  operationTable,
  provider,
  type ApiClient,
  type CreateMessageBody,
  type CreateRunBody,
  type Credentials,
  type RespondToHumanRequestBody,
  type operations,
} from "@agentruns/duvo-openapi";
import { waitForRun, type WaitForOptions } from "./wait.js";

export interface DuvoOptions extends ClientOptions, Credentials {}

/** GET /v1/runs filters; `since` also takes a Date. */
export type ListRunsParams = Omit<QueryOf<operations["listRuns"]>, "since"> & { since?: string | Date };
export type ListMessagesParams = QueryOf<operations["listRunMessages"]>;

export class Duvo extends BaseClient<operations> {
  declare readonly raw: ApiClient;

  constructor(options: DuvoOptions = {}) {
    super({ title: "Duvo", provider, createClient, operationTable, idempotent: ["stopRun"] }, { ...options });
  }

  readonly runs = {
    /** Starts a run (POST /v1/runs); resolves to the created run. Never retried unless the request provably did not arrive. */
    create: (body: CreateRunBody, options?: RequestOptions) =>
      this.request("createRun", { body }, options, (d) => d.run),
    /** The run and the human request blocking it, if any (GET /v1/runs/{run_id}). */
    get: (runId: string, options?: RequestOptions) =>
      this.request("getRun", { path: { run_id: runId } }, options),
    /** Runs, newest first: await for one page, `for await` for every run. */
    list: (params: ListRunsParams = {}, options?: RequestOptions) =>
      this.paginate(
        "listRuns",
        () => ({ query: { ...params, since: isoDate("since", params?.since) } }),
        offsetPagination("data"),
        options,
      ),
    /** Stops a running run; a no-op (success: false) in any other status. */
    stop: (runId: string, options?: RequestOptions) =>
      this.request("stopRun", { path: { run_id: runId } }, options),
    /** Polls until the run ends or waits on a human; resolves to the last GET /v1/runs/{run_id} body. */
    waitFor: (runId: string, options?: WaitForOptions) => waitForRun(this, runId, options),
    messages: {
      /** Messages in chronological order: await for one page, `for await` for all. */
      list: (runId: string, params: ListMessagesParams = {}, options?: RequestOptions) =>
        this.paginate(
          "listRunMessages",
          { path: { run_id: runId }, query: params },
          offsetPagination("messages"),
          options,
        ),
      /** Posts a message; resumes a waiting, completed or interrupted run. Resolves to the stored message. */
      create: (runId: string, body: CreateMessageBody, options?: RequestOptions) =>
        this.request("createRunMessage", { path: { run_id: runId }, body }, options, (d) => d.message),
    },
    humanRequests: {
      /** Answers the run's pending human request: `{ approved }` for approvals, `{ answers }` for questions. */
      respond: (
        runId: string,
        requestId: string,
        body: RespondToHumanRequestBody,
        options?: RequestOptions,
      ) =>
        this.request(
          "respondToHumanRequest",
          () => {
            if (!body || (body.approved === undefined) === (body.answers === undefined)) {
              throw new ValidationError(
                "Invalid input to Duvo respondToHumanRequest: pass exactly one of { approved } or { answers }",
                "body",
              );
            }
            return { path: { run_id: runId, request_id: requestId }, body };
          },
          options,
          (d) => d.human_request,
        ),
    },
  };
}
