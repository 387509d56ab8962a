// Duvo's hand-written extras on the generated client: `runs.waitFor`, and the check that a human-request answer is
// exactly one of approval or answers (the spec cannot say "one of these two fields").
import { ValidationError } from "@agentruns/core";
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

/** @deprecated `runs.humanRequests` as generated: the one-of check of an answer now runs in {@link Duvo} for every call. */
export const DuvoHumanRequests = RunsHumanRequestsResource;
/** @deprecated See the value of the same name. */
export type DuvoHumanRequests = RunsHumanRequestsResource;

/** `runs`, plus `waitFor`. */
export class DuvoRuns extends RunsResource {
  /** Polls until the run ends or waits on a human; resolves to the last GET /v1/runs/{run_id} body. */
  waitFor(runId: string, options?: WaitForOptions): Promise<GetRunResponse> {
    return waitForRun(this.client, runId, options);
  }
}

/** The Duvo API: the generated client with Duvo's extras. */
export class Duvo extends DuvoClient {
  override readonly runs = new DuvoRuns(this);

  /** An answer to a human request is exactly one of `{ approved }` or `{ answers }` (the spec cannot say so). */
  protected override checkInput(operationId: string, input: { body?: unknown }): void {
    if (operationId !== "respondToHumanRequest") return;
    const body = input.body as RespondToHumanRequestBody | undefined;
    if (!body || typeof body !== "object" || (body.approved === undefined) === (body.answers === undefined)) {
      throw new ValidationError(
        "Invalid input to Duvo runs.humanRequests.respond (respondToHumanRequest): pass exactly one of { approved } or { answers }",
        "body",
      );
    }
  }
}
