// Entry point of @agentruns/avido: the client, the generated types and the shared errors.
export { Avido, type AvidoOptions, type ListRunsParams } from "./client.js";
export type * from "@agentruns/avido-openapi";
export * from "@agentruns/core/errors";
export type { APIPromise, Page, PagePromise, RequestOptions, WithResponse } from "@agentruns/core";
