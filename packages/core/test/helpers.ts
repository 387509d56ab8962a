// Test clients built straight on BaseClient with the generated provider definitions (no provider package needed).
import * as avido from "@agentruns/avido-openapi";
import * as duckie from "@agentruns/duckie-openapi";
import * as duvo from "@agentruns/duvo-openapi";
import { BaseClient, type ClientOptions } from "../src/index.js";
import type { OperationSpec } from "../src/wire/operation.js";

export const duvoClient = (options: ClientOptions & { apiKey?: string }) =>
  new BaseClient<duvo.operations>(
    {
      title: "Duvo",
      provider: duvo.provider,
      operationTable: duvo.operationTable,
      idempotent: ["stopRun"],
    },
    { env: {}, ...options },
  );

export const duckieClient = (options: ClientOptions & { apiKey?: string }) =>
  new BaseClient<duckie.operations>(
    {
      title: "Duckie",
      provider: duckie.provider,
      operationTable: duckie.operationTable,
    },
    { env: {}, ...options },
  );

export const avidoClient = (options: ClientOptions & { apiKey?: string; applicationId?: string }) =>
  new BaseClient<avido.operations>(
    {
      title: "Avido",
      provider: avido.provider,
      operationTable: avido.operationTable,
    },
    { env: {}, ...options },
  );

export const AGENT = "0f8fad5b-d9cb-469f-a165-70867728950e";
export const RUN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

/** An operation outside Duvo's spec that answers a server-sent event stream (`GET /events`). */
export const EVENTS_OPERATION: OperationSpec = {
  method: "GET",
  path: "/events",
  pathParams: {},
  query: {},
  response: "sse",
  accept: "text/event-stream",
  security: [],
};

/** Resolves to the error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: PromiseLike<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}
