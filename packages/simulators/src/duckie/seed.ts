// Deterministic Duckie support-agent runs, with the hidden facts the filters read (tools used, metadata).
import type { RunSummary } from "@agentruns/duckie-openapi";
import { iso } from "../clock.js";
import { Random } from "../random.js";

export interface DuckieRun {
  summary: RunSummary;
  created: number;
  /** Tool names recorded in the run's tool-call steps (`tool_name` filter). */
  tools: string[];
  /** Run metadata (`metadata.<key>` filters). */
  metadata: Record<string, string>;
}

const AGENTS = ["Billing Bot", "Returns Helper", "Shipping Desk", "Account Guardian", "Tier-1 Triage"];
const CATEGORIES = ["Billing", "Shipping", "Returns", "Account access", "Product question"];
const SOURCES = ["zendesk", "intercom", "freshdesk", "email", "slack"];
const TOOLS = [
  "lookup_order",
  "refund_order",
  "update_address",
  "reset_password",
  "escalate_ticket",
  "send_macro",
];
const TITLES = [
  "Refund for order",
  "Where is my parcel",
  "Cannot log in",
  "Change delivery address",
  "Double charged",
  "Return label request",
];
const TEAMS = ["billing", "logistics", "support", "security"];
const REGIONS = ["eu-west", "us-east", "apac"];

const STATUS = [
  ["completed", 55],
  ["running", 8],
  ["failed", 12],
  ["cancelled", 5],
  ["paused", 5],
] as const;
const RESOLUTION = [
  ["deflected", 3],
  ["resolved", 5],
  ["escalated", 2],
  ["pending", 1],
] as const;

export class DuckieSeeder {
  readonly #rng: Random;
  readonly #agents: { id: string; name: string }[];
  readonly #categories: { id: string; name: string }[];

  constructor(seed: number) {
    this.#rng = new Random(seed);
    this.#agents = AGENTS.map((name) => ({ id: this.#rng.uuid(), name }));
    this.#categories = CATEGORIES.map((name) => ({
      id: `cat_${name.toLowerCase().replace(/\W+/g, "_")}`,
      name,
    }));
  }

  get agents(): readonly { id: string; name: string }[] {
    return this.#agents;
  }

  /** One run created at `created`. */
  run(created: number, now: number): DuckieRun {
    const rng = this.#rng;
    const status = rng.weighted(STATUS);
    const agent = rng.pick(this.#agents);
    const ticketId = `${rng.int(100000, 999999)}`;
    const source = rng.pick(SOURCES);
    const tools = TOOLS.filter(() => rng.chance(0.25));
    const finished = status !== "running" && status !== "paused";
    const duration = finished ? rng.int(5, 1800) : null;
    const waiting = status === "paused" && rng.chance(0.6);
    const summary: RunSummary = {
      id: rng.uuid(),
      created_at: iso(created),
      updated_at: iso(Math.min(now, created + (duration ?? 30) * 1000)),
      status,
      source,
      duration_seconds: duration,
      ticket: {
        id: ticketId,
        title: `${rng.pick(TITLES)} #${rng.int(1000, 9999)}`,
        url: `https://support.example.test/tickets/${ticketId}`,
      },
      agent,
      category: rng.chance(0.8) ? rng.pick(this.#categories) : null,
      resolution:
        status === "completed" || status === "failed"
          ? {
              type: rng.weighted(RESOLUTION),
              summary: rng.pick([
                "Issued a refund.",
                "Shared tracking link.",
                "Escalated to tier 2.",
                "Reset the password.",
              ]),
            }
          : null,
      trigger: {
        event_type: rng.pick(["ticket_created", "ticket_updated", "message_received"]),
        source,
        timestamp: iso(created),
        ticket_status: rng.pick(["new", "open", "pending"]),
        ticket_priority: rng.pick(["low", "normal", "high", "urgent"]),
        ticket_tags: TEAMS.filter(() => rng.chance(0.3)),
        trigger_message_type: rng.pick(["public_reply", "internal_note"]),
        internal_notes_only: rng.chance(0.1),
        is_messaging_ticket: rng.chance(0.3),
        customer_name: rng.pick([
          "Ada Lovelace",
          "Grace Hopper",
          "Alan Turing",
          "Katherine Johnson",
          "Linus Torvalds",
        ]),
      },
      approval: {
        waiting_for_approval: waiting,
        pending: waiting
          ? {
              step_id: `step_${rng.int(1, 40)}`,
              tool_id: `tool_${rng.int(1, 9)}`,
              tool_name: "refund_order",
              tool_type: "action",
              params: { order_id: `ORD-${rng.int(10000, 99999)}`, amount: rng.int(5, 500) },
              redacted: false,
              truncated: false,
            }
          : null,
      },
      scheduled_resume_at: status === "paused" && !waiting ? iso(now + rng.int(3600, 86_400) * 1000) : null,
    };
    const metadata: Record<string, string> = { team: rng.pick(TEAMS), region: rng.pick(REGIONS) };
    if (rng.chance(0.3)) metadata["customer:tier"] = rng.pick(["gold", "silver"]);
    return { summary, created, tools, metadata };
  }

  /** `count` runs created over the 60 days before `now`, oldest first. */
  history(count: number, now: number): DuckieRun[] {
    const span = 60 * 86_400_000;
    const times = Array.from(
      { length: count },
      () => now - 60_000 - Math.floor(this.#rng.next() * span),
    ).sort((a, b) => a - b);
    return times.map((t) => this.run(t, now));
  }
}
