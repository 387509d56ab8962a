// The public API's types: generated parameter and result types flow through every method.
import { describe, expectTypeOf, it } from "vitest";
import {
  Duvo,
  type ApiError,
  type HumanRequest,
  type Page,
  type PagePromise,
  type Run,
  type RunSummary,
  type GetRunResponse,
  type Message,
  type CreatedMessage,
  type StopRunResponse,
  type DuvoWebhookEvent,
} from "../src/index.js";

const duvo = new Duvo({ apiKey: "k", env: {} });
const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

describe("Duvo public types", () => {
  it("results are the generated types", () => {
    expectTypeOf(duvo.runs.create({ agent_id: id })).resolves.toEqualTypeOf<Run>();
    expectTypeOf(duvo.runs.get(id)).resolves.toEqualTypeOf<GetRunResponse>();
    expectTypeOf(duvo.runs.stop(id)).resolves.toEqualTypeOf<StopRunResponse>();
    expectTypeOf(duvo.runs.messages.create(id, { message: "m" })).resolves.toEqualTypeOf<CreatedMessage>();
    expectTypeOf(
      duvo.runs.humanRequests.respond(id, id, { approved: true }),
    ).resolves.toEqualTypeOf<HumanRequest>();
    expectTypeOf(duvo.runs.list()).toMatchTypeOf<
      PagePromise<RunSummary, { data: RunSummary[]; total: number }>
    >();
    expectTypeOf(duvo.runs.list()).resolves.toMatchTypeOf<Page<RunSummary, unknown>>();
    expectTypeOf(duvo.runs.messages.list(id)).toMatchTypeOf<AsyncIterable<Message>>();
    expectTypeOf(duvo.runs.waitFor(id)).resolves.toEqualTypeOf<GetRunResponse>();
    expectTypeOf(duvo.runs.get(id).withResponse()).resolves.toMatchTypeOf<{
      data: GetRunResponse;
      response: Response;
      requestId: string | undefined;
    }>();
    expectTypeOf<DuvoWebhookEvent["event"]>().toEqualTypeOf<
      "human_request" | "run_completed" | "run_failed" | "run_interrupted"
    >();
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
  });

  it("parameters are the generated types", () => {
    // @ts-expect-error agent_id is required
    void duvo.runs.create({ message: "hi" });
    // @ts-expect-error "done" is not a documented status
    void duvo.runs.list({ status: "done" });
    // @ts-expect-error sort_order is asc | desc
    void duvo.runs.list({ sort_order: "newest" });
    // @ts-expect-error message is required
    void duvo.runs.messages.create(id, {});
    // @ts-expect-error answers map question text to strings
    void duvo.runs.humanRequests.respond(id, id, { answers: { q: 1 } });
    // @ts-expect-error unknown option
    new Duvo({ apiKey: "k", retries: 3 });
    void duvo.runs.list({ since: new Date(), limit: 5, has_issues: "true" });
  });
});
