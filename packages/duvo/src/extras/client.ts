// Duvo's hand-written extras on the generated client: `runs.waitFor`, and the check that a human-request answer is
// exactly one of approval or answers (the spec cannot say "one of these two fields").
import { APIPromise, ValidationError, type RequestOptions } from "@agentruns/core";
import {
  DuvoClient,
  RunsHumanRequestsResource,
  RunsResource,
  type GetRunResponse,
  type ListRunMessagesParams,
  type RespondToHumanRequestBody,
} from "../generated/index.js";
import { waitForRun, type WaitForOptions } from "./wait.js";

/** GET /v1/runs/{run_id}/messages filters (the name this package used before its methods were generated). */
export type ListMessagesParams = ListRunMessagesParams;

/** `runs.humanRequests`, with the one-of check before anything is sent. */
export class DuvoHumanRequests extends RunsHumanRequestsResource {
  /** Answers the run's pending human request: `{ approved }` for approvals, `{ answers }` for questions. */
  override respond(
    runId: string,
    requestId: string,
    body: RespondToHumanRequestBody,
    options?: RequestOptions,
  ): ReturnType<RunsHumanRequestsResource["respond"]> {
    if (!body || typeof body !== "object" || (body.approved === undefined) === (body.answers === undefined)) {
      return new APIPromise(
        Promise.reject(
          new ValidationError(
            "Invalid input to Duvo respondToHumanRequest: pass exactly one of { approved } or { answers }",
            "body",
          ),
        ),
      );
    }
    return super.respond(runId, requestId, body, options);
  }
}

/** `runs`, plus `waitFor`. */
export class DuvoRuns extends RunsResource {
  override readonly humanRequests = new DuvoHumanRequests(this.client);

  /** Polls until the run ends or waits on a human; resolves to the last GET /v1/runs/{run_id} body. */
  waitFor(runId: string, options?: WaitForOptions): Promise<GetRunResponse> {
    return waitForRun(this.client, runId, options);
  }
}

/** The Duvo API: the generated client with Duvo's extras. */
export class Duvo extends DuvoClient {
  override readonly runs = new DuvoRuns(this);
}
