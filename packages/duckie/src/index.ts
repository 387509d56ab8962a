// Entry point of @agentruns/duckie: the client, the generated types and the shared errors.
export { Duckie, type DuckieOptions, type ListRunsParams } from "./client.js";
export type * from "@agentruns/duckie-openapi";
export * from "@agentruns/core/errors";
export type { APIPromise, Page, PagePromise, RequestOptions, WithResponse } from "@agentruns/core";
