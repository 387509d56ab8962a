// Duvo's per-run webhook events: a typed union and a parser that checks an incoming payload.
// Duvo documents no signature scheme for these webhooks, so there is nothing to verify; see README.
import { ValidationError } from "@agentruns/core";

export const WEBHOOK_EVENTS = ["human_request", "run_completed", "run_failed", "run_interrupted"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

interface EventBase<E extends WebhookEventType> {
  event: E;
  run_id: string;
  /** The run's status when the event was sent. */
  status: string;
  /** Fields Duvo adds beyond the documented ones are kept as they are. */
  [field: string]: unknown;
}

export type HumanRequestEvent = EventBase<"human_request">;
export type RunCompletedEvent = EventBase<"run_completed">;
export type RunFailedEvent = EventBase<"run_failed">;
export type RunInterruptedEvent = EventBase<"run_interrupted">;
export type DuvoWebhookEvent = HumanRequestEvent | RunCompletedEvent | RunFailedEvent | RunInterruptedEvent;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses the body of a webhook POST (the raw text, or an already-parsed object) into a typed event.
 * Throws ValidationError naming the problem: not JSON, not an object, an unknown event, a missing or malformed field.
 */
export function parseWebhookEvent(payload: string | unknown): DuvoWebhookEvent {
  let value: unknown = payload;
  if (typeof payload === "string") {
    try {
      value = JSON.parse(payload);
    } catch {
      throw new ValidationError("Duvo webhook payload is not valid JSON", "payload");
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError("Duvo webhook payload must be a JSON object", "payload");
  }
  const v = value as Record<string, unknown>;
  if (!WEBHOOK_EVENTS.includes(v.event as WebhookEventType)) {
    throw new ValidationError(
      `Duvo webhook "event" must be one of ${WEBHOOK_EVENTS.join(", ")} (got ${JSON.stringify(v.event)})`,
      "event",
    );
  }
  if (typeof v.run_id !== "string" || !UUID.test(v.run_id)) {
    throw new ValidationError(
      `Duvo webhook "run_id" must be a UUID (got ${JSON.stringify(v.run_id)})`,
      "run_id",
    );
  }
  if (typeof v.status !== "string" || v.status === "") {
    throw new ValidationError(
      `Duvo webhook "status" must be a non-empty string (got ${JSON.stringify(v.status)})`,
      "status",
    );
  }
  return v as DuvoWebhookEvent;
}
