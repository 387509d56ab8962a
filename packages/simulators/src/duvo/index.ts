// The Duvo simulator: every operation of specs/duvo.openapi.json over real HTTP, with run lifecycles and webhooks.
import type { IncomingHttpHeaders } from "node:http";
import { keepLast } from "../bounded.js";
import { iso } from "../clock.js";
import { SimError, reasonPhrase } from "../errors.js";
import { Simulator, header, type Handler, type Reply, type SimulatorOptions } from "../server.js";
import {
  DuvoStore,
  TERMINAL,
  type AgentBehaviour,
  type HumanRequestRecord,
  type RunRecord,
  type WebhookEvent,
} from "./store.js";

export type { AgentBehaviour, DuvoStatus, RunRecord, HumanRequestRecord } from "./store.js";

export interface DuvoSimulatorOptions extends SimulatorOptions {
  /** Behaviour per agent id; agents not listed use `defaultAgent`. */
  agents?: Record<string, AgentBehaviour>;
  defaultAgent?: AgentBehaviour;
  /** Most runs kept (default: the seeded ones plus 10,000); past it the oldest finished run is forgotten (404). */
  maxRuns?: number;
}

export interface WebhookDelivery {
  url: string;
  payload: { event: WebhookEvent; run_id: string; status: string; timestamp: string; human_request?: object };
  /** HTTP status of the receiver, or the delivery error. */
  status?: number;
  error?: string;
}

export class DuvoSimulator extends Simulator {
  readonly store: DuvoStore;
  readonly webhookDeliveries: WebhookDelivery[] = [];
  #inflight = new Set<Promise<void>>();

  constructor(options: DuvoSimulatorOptions = {}) {
    super("duvo", options);
    this.store = new DuvoStore({
      seed: options.seed ?? 1,
      count: options.runs ?? 250,
      now: this.clock.now(),
      agents: options.agents ?? {},
      defaultAgent: options.defaultAgent ?? {},
      notify: (run, event, request) => this.#deliver(run, event, request),
      ...(options.maxRuns === undefined ? {} : { maxRuns: options.maxRuns }),
    });
  }

  protected override tick(now: number): void {
    this.store.tick(now);
  }

  /** Resolves when every webhook delivery started so far has finished. */
  async webhooksSettled(): Promise<void> {
    while (this.#inflight.size) await Promise.all([...this.#inflight]);
  }

  #deliver(run: RunRecord, event: WebhookEvent, request?: HumanRequestRecord) {
    if (!run.webhook_url) return;
    const delivery: WebhookDelivery = {
      url: run.webhook_url,
      payload: {
        event,
        run_id: run.id,
        status: run.status,
        timestamp: iso(this.clock.now()),
        ...(request ? { human_request: { id: request.id, type: request.type, title: request.title } } : {}),
      },
    };
    keepLast(this.webhookDeliveries, this.logSize, delivery);
    const p = fetch(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
      headers: { "content-type": "application/json" },
      body: JSON.stringify(delivery.payload),
    })
      .then(async (res) => {
        delivery.status = res.status;
        await res.arrayBuffer();
      })
      .catch((e: Error) => void (delivery.error = e.message))
      .finally(() => this.#inflight.delete(p));
    this.#inflight.add(p);
  }

  /** 300 requests per minute per API key (Duvo's docs). */
  protected override readonly documentedRateLimit = 300;

  protected apiKeyOf(headers: IncomingHttpHeaders): string {
    return header(headers, "authorization") ?? "";
  }

  protected authenticate(headers: IncomingHttpHeaders): SimError | undefined {
    const auth = header(headers, "authorization");
    const key = auth?.match(/^Bearer (.+)$/)?.[1];
    if (!auth) return new SimError("unauthorized", "Missing API key: send Authorization: Bearer <key>");
    if (!this.keyAccepted(key)) return new SimError("unauthorized", "Invalid API key");
    return undefined;
  }

  protected renderError(error: SimError, _requestId: string): Reply {
    return {
      status: error.status,
      body: { error: reasonPhrase[error.status] ?? "Error", message: error.message },
    };
  }

  protected readonly handlers: Record<string, Handler> = {
    listRuns: ({ query }) => {
      const matches = (r: RunRecord) =>
        (query.status === undefined || r.status === query.status) &&
        (query.agent_id === undefined || r.agent_id.toLowerCase() === query.agent_id.toLowerCase()) &&
        (query.user_id === undefined || r.user_id?.toLowerCase() === query.user_id.toLowerCase()) &&
        (query.case_queue_id === undefined ||
          r.case_queue_id?.toLowerCase() === query.case_queue_id.toLowerCase()) &&
        (query.digest_id === undefined || r.digest_id?.toLowerCase() === query.digest_id.toLowerCase()) &&
        (query.source === undefined || r.source === query.source) &&
        (query.since === undefined || r.created_at >= Date.parse(query.since)) &&
        (query.search === undefined ||
          [r.title, r.case_title].some((t) =>
            t?.toLowerCase().includes(String(query.search).toLowerCase()),
          )) &&
        (query.has_issues === undefined ||
          (query.has_issues === "true") ===
            (!!r.eval_summaries && (r.eval_summaries.passed ?? 0) < (r.eval_summaries.total ?? 0))) &&
        (query.issue_severity === undefined ||
          (r.eval_summaries?.severityCounts?.[query.issue_severity as "critical"] ?? 0) > 0);
      const found = this.store.runs.filter(matches);
      const dir = query.sort_order === "asc" ? 1 : -1;
      found.sort((a, b) => dir * (a.created_at - b.created_at || (a.id < b.id ? -1 : 1)));
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 20;
      return {
        status: 200,
        body: {
          data: found.slice(offset, offset + limit).map((r) => this.store.toSummary(r)),
          total: found.length,
        },
      };
    },
    createRun: ({ body, now }) => {
      const run = this.store.create(body, now);
      return { status: 201, body: { run: this.store.toRun(run) } };
    },
    getRun: ({ path }) => {
      const run = this.store.get(path.run_id);
      const pending = this.store.pending(run);
      return {
        status: 200,
        body: {
          run: this.store.toRun(run),
          ...(pending
            ? {
                pending_human_request: {
                  id: pending.id,
                  title: pending.title,
                  description: pending.description,
                  created_at: iso(pending.created_at),
                  type: pending.type,
                  ...(pending.questions ? { questions: pending.questions } : {}),
                },
              }
            : {}),
        },
      };
    },
    listRunMessages: ({ path, query }) => {
      const run = this.store.get(path.run_id);
      const all = this.store.messages(run);
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 20;
      return {
        status: 200,
        body: {
          messages: all.slice(offset, offset + limit).map((m) => this.store.toMessage(m)),
          total: all.length,
          limit,
          offset,
        },
      };
    },
    createRunMessage: ({ path, body, now }) => {
      const run = this.store.get(path.run_id);
      const m = this.store.postMessage(run, body.message, now);
      return {
        status: 201,
        body: {
          message: {
            id: m.id,
            type: m.type,
            role: m.role,
            timestamp: iso(m.timestamp),
            text_content: m.text_content ?? "",
          },
        },
      };
    },
    respondToHumanRequest: ({ path, body, now }) => {
      const run = this.store.get(path.run_id);
      const r = this.store.respond(run, path.request_id, body ?? {}, now);
      return {
        status: 200,
        body: {
          human_request: {
            id: r.id,
            run_id: r.run_id,
            title: r.title,
            description: r.description,
            response: r.response,
            responded_at: r.responded_at === null ? null : iso(r.responded_at),
            created_at: iso(r.created_at),
          },
        },
      };
    },
    stopRun: ({ path, now }) => {
      const run = this.store.get(path.run_id);
      const stopped = this.store.stop(run, now);
      return {
        status: 200,
        body: stopped
          ? { success: true, message: "Run stopped" }
          : { success: false, message: `Run is not running (status: ${run.status}); nothing to stop` },
      };
    },
  };

  /** Whether a status is terminal (completed, failed, interrupted, stopped). */
  static isTerminal(status: string): boolean {
    return (TERMINAL as readonly string[]).includes(status);
  }
}

/** Starts a Duvo simulator on 127.0.0.1 (random port unless `port` is given). */
export function startDuvoSimulator(options: DuvoSimulatorOptions = {}): Promise<DuvoSimulator> {
  return new DuvoSimulator(options).start();
}
