// Deterministic Duvo data: agents, users, case queues and a history of runs with evaluations and pending requests.
import { Random } from "../random.js";
import type { HumanRequestRecord, RunRecord } from "./records.js";

const AGENT_NAMES = [
  "Invoice Processor",
  "Refund Agent",
  "Vendor Onboarding",
  "Contract Reviewer",
  "Order Reconciler",
  "Support Triage",
  "Expense Auditor",
  "Price Monitor",
  "Claims Handler",
  "Payroll Checker",
  "Inventory Planner",
  "Compliance Screener",
];
const SOURCES = ["api", "schedule", "manual", "email", "webhook"];
const QUEUES = ["Finance inbox", "Supplier disputes", "Returns", "Compliance review"];
const SUBJECTS = [
  "invoice",
  "refund",
  "purchase order",
  "supplier contract",
  "expense report",
  "return request",
  "claim",
  "price change",
];
const COMPANIES = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark Industries",
  "Wayne Enterprises",
  "Wonka",
];

export interface DuvoWorld {
  agents: { id: string; name: string; build_id: string }[];
  users: string[];
  queues: { id: string; name: string }[];
  digests: string[];
  runs: RunRecord[];
}

const STATUS_WEIGHTS = [
  ["completed", 60],
  ["failed", 12],
  ["stopped", 5],
  ["interrupted", 5],
  ["waiting", 6],
  ["running", 4],
  ["pending", 1],
  ["starting", 1],
  ["not_started", 3],
  ["needs_attention", 3],
] as const;

/** `count` runs created over the 90 days before `now`, oldest first. */
export function seedDuvo(seed: number, count: number, now: number): DuvoWorld {
  const rng = new Random(seed);
  const agents = AGENT_NAMES.map((name) => ({ id: rng.uuid(), name, build_id: rng.uuid() }));
  const users = Array.from({ length: 8 }, () => rng.uuid());
  const queues = QUEUES.map((name) => ({ id: rng.uuid(), name }));
  const digests = Array.from({ length: 3 }, () => rng.uuid());
  const span = 90 * 24 * 3600 * 1000;
  const times = Array.from({ length: count }, () => now - 60_000 - Math.floor(rng.next() * span)).sort(
    (a, b) => a - b,
  );
  const runs = times.map((created, i): RunRecord => {
    const agent = rng.pick(agents);
    const status = rng.weighted(STATUS_WEIGHTS);
    const queue = rng.chance(0.4) ? rng.pick(queues) : undefined;
    const subject = `${rng.pick(SUBJECTS)} from ${rng.pick(COMPANIES)}`;
    const started = ["not_started", "pending"].includes(status) ? null : created + rng.int(500, 20_000);
    const terminal = ["completed", "failed", "stopped", "interrupted"].includes(status);
    const completed = terminal && started !== null ? started + rng.int(5_000, 3_600_000) : null;
    const evaluated = terminal && rng.chance(0.5);
    const total = rng.int(1, 8);
    const passed = evaluated ? rng.int(Math.max(0, total - 3), total) : 0;
    const failing = total - passed;
    const critical = failing ? rng.int(0, failing) : 0;
    const medium = failing - critical ? rng.int(0, failing - critical) : 0;
    const run: RunRecord = {
      id: rng.uuid(),
      agent_id: agent.id,
      agent_name: agent.name,
      build_id: agent.build_id,
      status,
      source: rng.pick(SOURCES),
      sandbox_id: rng.chance(0.2) ? `sbx_${rng.int(1000, 9999)}` : null,
      started_at: started,
      completed_at: completed,
      created_at: created,
      updated_at: Math.min(now, completed ?? started ?? created),
      human_in_the_loop_enabled: rng.chance(0.7) || status === "waiting",
      title: `${agent.name}: ${subject}`,
      run_number: i + 1,
      user_id: rng.chance(0.85) ? rng.pick(users) : null,
      case_queue_item_id: queue ? rng.uuid() : null,
      case_queue_id: queue?.id ?? null,
      case_queue_name: queue?.name ?? null,
      case_title: queue ? `Case: ${subject}` : null,
      postponed_to:
        status === "not_started" && rng.chance(0.5) ? now + rng.int(3600_000, 7 * 86_400_000) : null,
      submitted_prompt_count: rng.int(1, 6),
      eval_summaries: evaluated
        ? {
            passed,
            total,
            final_comment: failing ? `${failing} rubric(s) failed` : "All rubrics passed",
            severityCounts: { critical, medium, low: failing - critical - medium },
          }
        : null,
      digest_id: rng.chance(0.1) ? rng.pick(digests) : null,
      humanRequests: [],
      timeline: [],
      messageSeed: seed * 1_000_003 + i,
    };
    if (status === "waiting") run.humanRequests.push(seedRequest(rng, run, created));
    return run;
  });
  return { agents, users, queues, digests, runs };
}

function seedRequest(rng: Random, run: RunRecord, at: number): HumanRequestRecord {
  const question = rng.chance(0.4);
  return question
    ? {
        id: rng.uuid(),
        run_id: run.id,
        type: "question",
        title: "Which account should the payment come from?",
        description: "The invoice does not name a payment account.",
        questions: [
          {
            question: "Which account should the payment come from?",
            header: "Account",
            options: [{ label: "Operating" }, { label: "Savings", description: "Needs CFO sign-off" }],
            multi_select: false,
          },
        ],
        created_at: at,
        response: null,
        responded_at: null,
      }
    : {
        id: rng.uuid(),
        run_id: run.id,
        type: "approval",
        title: `Approve the ${run.title?.split(": ")[1] ?? "action"}?`,
        description: rng.chance(0.5) ? "Amount exceeds the auto-approval limit." : null,
        created_at: at,
        response: null,
        responded_at: null,
      };
}

/** The messages of a seeded run, generated on first read from the run's own seed. */
export function seedMessages(run: RunRecord): RunRecord["messages"] {
  const rng = new Random(run.messageSeed ?? 1);
  const start = run.started_at ?? run.created_at;
  const end = run.completed_at ?? run.updated_at;
  const count = run.started_at === null ? 0 : rng.int(2, 14);
  const messages: NonNullable<RunRecord["messages"]> = [];
  for (let i = 0; i < count; i++) {
    const at = start + Math.floor(((end - start) * i) / Math.max(1, count));
    const id = `msg_${run.run_number}_${i + 1}`;
    if (i === 0)
      messages.push({
        id,
        type: "text",
        role: "user",
        timestamp: at,
        text_content: `Please handle: ${run.title}`,
      });
    else if (rng.chance(0.3)) {
      const callId = `call_${run.run_number}_${i}`;
      messages.push({
        id,
        type: "tool_call",
        role: "assistant",
        timestamp: at,
        tool_call: {
          id: callId,
          name: rng.pick(["lookup_invoice", "send_email", "update_erp", "fetch_contract"]),
          arguments: { reference: `REF-${rng.int(1000, 9999)}` },
        },
      });
      messages.push({
        id: `${id}_r`,
        type: "tool_result",
        role: "tool",
        timestamp: at + 1,
        tool_result: { tool_call_id: callId, result: { ok: true } },
      });
    } else
      messages.push({
        id,
        type: "text",
        role: "assistant",
        timestamp: at,
        text_content: rng.pick([
          "Checking the records.",
          "Found a matching entry.",
          "Drafted the reply.",
          "Updated the ERP entry.",
        ]),
      });
  }
  return messages;
}
