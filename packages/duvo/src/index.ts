// Entry point of @agentruns/duvo: the client, its webhook parser, the generated types and the shared errors.
export { Duvo, type DuvoOptions, type ListMessagesParams, type ListRunsParams } from "./client.js";
export { TERMINAL_STATUSES, isSettled, type WaitForOptions } from "./wait.js";
export {
  WEBHOOK_EVENTS,
  parseWebhookEvent,
  type DuvoWebhookEvent,
  type HumanRequestEvent,
  type RunCompletedEvent,
  type RunFailedEvent,
  type RunInterruptedEvent,
  type WebhookEventType,
} from "./webhooks.js";
export type * from "@agentruns/duvo-openapi";
export * from "@agentruns/core/errors";
export type { APIPromise, Page, PagePromise, RequestOptions, WithResponse } from "@agentruns/core";
