// Duvo's in-memory state and run lifecycle: pending → starting → running → waiting ⇄ running → a terminal status.
import type { Message, Run, RunSummary } from "@agentruns/duvo-openapi";
import { iso } from "../clock.js";
import { SimError } from "../errors.js";
import { Random } from "../random.js";
import {
  RESUMABLE,
  TERMINAL,
  type HumanRequestRecord,
  type RunRecord,
  type StoredMessage,
} from "./records.js";
import { seedDuvo, seedMessages, type DuvoWorld } from "./seed.js";

export {
  RESUMABLE,
  TERMINAL,
  type DuvoStatus,
  type HumanRequestRecord,
  type RunRecord,
  type StoredMessage,
} from "./records.js";

/** How a simulated agent behaves when it runs. */
export interface AgentBehaviour {
  name?: string;
  /** Whether runs may pause for a human (default true). */
  humanInTheLoop?: boolean;
  /** What the agent asks for once running (default "approval"); "none" runs straight to the outcome. */
  asks?: "approval" | "question" | "none";
  /** How the run ends (default "completed"). */
  outcome?: "completed" | "failed" | "interrupted";
  /** Simulated time between lifecycle steps (default 1000 ms). */
  stepMs?: number;
}

export type WebhookEvent = "human_request" | "run_completed" | "run_failed" | "run_interrupted";

const nullableIso = (ms: number | null) => (ms === null ? null : iso(ms));

/** How a store is made: its seeded history, its agents, where its events go, and its bounds. */
export interface DuvoStoreOptions {
  readonly seed: number;
  /** Seeded runs. */
  readonly count: number;
  readonly now: number;
  readonly agents: Record<string, AgentBehaviour>;
  readonly defaultAgent: AgentBehaviour;
  readonly notify: (run: RunRecord, event: WebhookEvent, request?: HumanRequestRecord) => void;
  /** Most runs kept (default: the seeded ones plus 10,000); past it the oldest finished run is forgotten. */
  readonly maxRuns?: number;
}

/** Messages kept per run; past it the oldest are dropped. */
const MAX_MESSAGES = 1_000;

export class DuvoStore {
  readonly world: DuvoWorld;
  readonly runs: RunRecord[];
  readonly #byId = new Map<string, RunRecord>();
  readonly #rng: Random;
  /** Runs with lifecycle steps still to apply (the seeded history has none). */
  readonly #scheduled = new Set<RunRecord>();
  readonly #agents: Record<string, AgentBehaviour>;
  readonly #defaultAgent: AgentBehaviour;
  readonly #notify: DuvoStoreOptions["notify"];
  readonly #maxRuns: number;
  #messageIds = 0;
  #runNumbers: number;

  constructor(options: DuvoStoreOptions) {
    this.world = seedDuvo(options.seed, options.count, options.now);
    this.runs = this.world.runs;
    for (const run of this.runs) this.#byId.set(run.id, run);
    this.#rng = new Random(options.seed ^ 0x5eed);
    this.#agents = options.agents;
    this.#defaultAgent = options.defaultAgent;
    this.#notify = options.notify;
    this.#maxRuns = options.maxRuns ?? this.runs.length + 10_000;
    this.#runNumbers = this.runs.length;
  }

  get(id: string): RunRecord {
    const run = this.#byId.get(id);
    if (!run) throw new SimError("not_found", `Run ${id} not found`);
    return run;
  }

  messages(run: RunRecord): StoredMessage[] {
    run.messages ??= seedMessages(run) ?? [];
    return run.messages;
  }

  pending(run: RunRecord): HumanRequestRecord | undefined {
    return run.status === "waiting" ? run.humanRequests.find((r) => r.responded_at === null) : undefined;
  }

  /** Applies every lifecycle step due by `now`, in time order; only runs with steps left are visited. */
  tick(now: number): void {
    for (const run of this.#scheduled) {
      while (run.timeline.length && run.timeline[0]!.at <= now) {
        const step = run.timeline.shift()!;
        step.apply(run, step.at);
        run.updated_at = Math.max(run.updated_at, step.at);
      }
      if (!run.timeline.length) this.#scheduled.delete(run);
    }
  }

  #behaviour(agentId: string): Required<AgentBehaviour> {
    const b = { ...this.#defaultAgent, ...this.#agents[agentId] };
    return {
      name: b.name ?? "Simulated agent",
      humanInTheLoop: b.humanInTheLoop ?? true,
      asks: b.asks ?? "approval",
      outcome: b.outcome ?? "completed",
      stepMs: b.stepMs ?? 1000,
    };
  }

  #say(run: RunRecord, at: number, role: "user" | "assistant", text: string): StoredMessage {
    const message: StoredMessage = {
      id: `msg_sim_${++this.#messageIds}`,
      type: "text",
      role,
      timestamp: at,
      text_content: text,
    };
    const messages = this.messages(run);
    messages.push(message);
    if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
    return message;
  }

  #schedule(run: RunRecord, from: number, steps: ((run: RunRecord, at: number) => void)[]) {
    const { stepMs } = this.#behaviour(run.agent_id);
    steps.forEach((apply, i) => run.timeline.push({ at: from + (i + 1) * stepMs, apply }));
    this.#scheduled.add(run);
  }

  #finish(run: RunRecord, at: number) {
    const { outcome } = this.#behaviour(run.agent_id);
    run.status = outcome;
    run.completed_at = at;
    this.#say(
      run,
      at,
      "assistant",
      outcome === "completed"
        ? "Done."
        : outcome === "failed"
          ? "I could not finish: the upstream system rejected the update."
          : "The run was interrupted.",
    );
    this.#notify(
      run,
      outcome === "completed" ? "run_completed" : outcome === "failed" ? "run_failed" : "run_interrupted",
    );
  }

  #ask(run: RunRecord, at: number) {
    const b = this.#behaviour(run.agent_id);
    if (!run.human_in_the_loop_enabled || b.asks === "none") return this.#finish(run, at);
    const request: HumanRequestRecord =
      b.asks === "approval"
        ? {
            id: this.#rng.uuid(),
            run_id: run.id,
            type: "approval",
            title: "Approve the payment of 1,250.00 EUR?",
            description: "Amount exceeds the auto-approval limit.",
            created_at: at,
            response: null,
            responded_at: null,
          }
        : {
            id: this.#rng.uuid(),
            run_id: run.id,
            type: "question",
            title: "A few details are missing",
            description: null,
            questions: [
              {
                question: "Which account should be used?",
                header: "Account",
                options: [{ label: "Operating" }, { label: "Savings" }],
                multi_select: false,
              },
              {
                question: "Which regions apply?",
                header: "Regions",
                options: [{ label: "EU" }, { label: "US" }, { label: "APAC" }],
                multi_select: true,
              },
            ],
            created_at: at,
            response: null,
            responded_at: null,
          };
    run.humanRequests.push(request);
    run.status = "waiting";
    this.#notify(run, "human_request", request);
  }

  create(
    body: { agent_id: string; message?: string; sandbox_id?: string; webhook_url?: string },
    now: number,
  ): RunRecord {
    const b = this.#behaviour(body.agent_id);
    const known = this.world.agents.find((a) => a.id === body.agent_id);
    const run: RunRecord = {
      id: this.#rng.uuid(),
      agent_id: body.agent_id,
      agent_name: known?.name ?? b.name,
      build_id: known?.build_id ?? this.#rng.uuid(),
      status: "pending",
      source: "api",
      sandbox_id: body.sandbox_id ?? null,
      started_at: null,
      completed_at: null,
      created_at: now,
      updated_at: now,
      human_in_the_loop_enabled: b.humanInTheLoop,
      title: body.message ? body.message.slice(0, 80) : null,
      run_number: ++this.#runNumbers,
      user_id: null,
      case_queue_item_id: null,
      case_queue_id: null,
      case_queue_name: null,
      case_title: null,
      postponed_to: null,
      submitted_prompt_count: body.message ? 1 : 0,
      eval_summaries: null,
      digest_id: null,
      webhook_url: body.webhook_url,
      humanRequests: [],
      messages: [],
      timeline: [],
    };
    if (body.message) this.#say(run, now, "user", body.message);
    this.#schedule(run, now, [
      (r) => (r.status = "starting"),
      (r, at) => {
        r.status = "running";
        r.started_at = at;
        this.#say(r, at, "assistant", "Starting the task.");
      },
      (r, at) => this.#ask(r, at),
    ]);
    this.runs.push(run);
    this.#byId.set(run.id, run);
    if (this.runs.length > this.#maxRuns) this.#forgetOldest();
    return run;
  }

  /** Drops the oldest finished run (the oldest run when none has finished), so that creates keep the store bounded. */
  #forgetOldest(): void {
    let at = this.runs.findIndex((r) => TERMINAL.includes(r.status) && !this.#scheduled.has(r));
    if (at < 0) at = 0;
    const [gone] = this.runs.splice(at, 1);
    this.#byId.delete(gone!.id);
    this.#scheduled.delete(gone!);
  }

  /** Persists a user message; resumes the run when it is waiting, completed or interrupted. */
  postMessage(run: RunRecord, text: string, now: number): StoredMessage {
    const message = this.#say(run, now, "user", text);
    run.updated_at = now;
    if (RESUMABLE.includes(run.status)) {
      for (const r of run.humanRequests) if (r.responded_at === null) r.responded_at = now; // superseded by the message
      run.status = "running";
      run.completed_at = null;
      run.timeline = [];
      this.#schedule(run, now, [
        (r, at) => this.#say(r, at, "assistant", `Noted: ${text.slice(0, 60)}`),
        (r, at) => this.#finish(r, at),
      ]);
    }
    return message;
  }

  respond(
    run: RunRecord,
    requestId: string,
    body: { approved?: boolean; answers?: Record<string, string> },
    now: number,
  ): HumanRequestRecord {
    const request = run.humanRequests.find((r) => r.id === requestId);
    if (!request) throw new SimError("not_found", `Human request ${requestId} not found for run ${run.id}`);
    if (run.status !== "waiting" || request.responded_at !== null) {
      throw new SimError(
        "bad_request",
        `Run is not waiting for this request (run status: ${run.status}${request.responded_at !== null ? ", request already answered" : ""})`,
      );
    }
    if (request.type === "approval") {
      if (typeof body.approved !== "boolean" || body.answers !== undefined) {
        throw new SimError(
          "bad_request",
          "An approval request takes { approved: true | false } and no answers",
        );
      }
      request.response = body.approved ? "approved" : "denied";
    } else {
      if (!body.answers || body.approved !== undefined) {
        throw new SimError(
          "bad_request",
          "A question request takes { answers: { <question>: <answer> } } and no approved",
        );
      }
      const asked = (request.questions ?? []).map((q) => q.question);
      const unknown = Object.keys(body.answers).filter((q) => !asked.includes(q));
      const missing = asked.filter((q) => !(q in body.answers!));
      if (unknown.length || missing.length) {
        throw new SimError(
          "bad_request",
          [
            unknown.length && `unknown question(s): ${unknown.join(", ")}`,
            missing.length && `missing answer(s): ${missing.join(", ")}`,
          ]
            .filter(Boolean)
            .join("; "),
        );
      }
      request.response = JSON.stringify(body.answers);
    }
    request.responded_at = now;
    run.status = "running";
    run.updated_at = now;
    const approved = request.type === "question" || body.approved === true;
    this.#schedule(run, now, [
      (r, at) =>
        this.#say(
          r,
          at,
          "assistant",
          approved ? "Thanks, continuing." : "Understood, I will not proceed with that step.",
        ),
      (r, at) => this.#finish(r, at),
    ]);
    return request;
  }

  /** Stops a running run; a no-op (false) in any other status. */
  stop(run: RunRecord, now: number): boolean {
    if (run.status !== "running") return false;
    run.status = "stopped";
    run.completed_at = now;
    run.updated_at = now;
    run.timeline = [];
    return true;
  }

  toRun(run: RunRecord): Run {
    return {
      id: run.id,
      agent_id: run.agent_id,
      build_id: run.build_id,
      status: run.status,
      source: run.source,
      sandbox_id: run.sandbox_id,
      started_at: nullableIso(run.started_at),
      completed_at: nullableIso(run.completed_at),
      created_at: iso(run.created_at),
      updated_at: iso(run.updated_at),
      human_in_the_loop_enabled: run.human_in_the_loop_enabled,
    };
  }

  toSummary(run: RunRecord): RunSummary {
    return {
      id: run.id,
      created_at: iso(run.created_at),
      updated_at: iso(run.updated_at),
      started_at: nullableIso(run.started_at),
      completed_at: nullableIso(run.completed_at),
      source: run.source,
      title: run.title,
      run_number: run.run_number,
      agent_id: run.agent_id,
      agent_name: run.agent_name,
      build_id: run.build_id,
      user_id: run.user_id,
      case_queue_item_id: run.case_queue_item_id,
      case_queue_id: run.case_queue_id,
      case_queue_name: run.case_queue_name,
      case_title: run.case_title,
      postponed_to: nullableIso(run.postponed_to),
      submitted_prompt_count: run.submitted_prompt_count,
      eval_summaries: run.eval_summaries,
    };
  }

  toMessage(m: StoredMessage): Message {
    return { ...m, timestamp: iso(m.timestamp) };
  }
}
