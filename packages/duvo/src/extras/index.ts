// Duvo's hand-written extras (everything here is yours; src/generated/ is the generator's).
export { Duvo, DuvoHumanRequests, DuvoRuns, type ListMessagesParams } from "./client.js";
export { TERMINAL_STATUSES, isSettled, waitForRun, type WaitForOptions } from "./wait.js";
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
