// The records the Duvo simulator keeps (runs, their messages and human requests, status names), apart from the store
// that changes them and the seed that first fills them, so that both read one definition.
import type { EvalSummaries, HumanRequestQuestion, Message } from "@agentruns/duvo-openapi";

export type DuvoStatus =
  | "not_started"
  | "pending"
  | "starting"
  | "running"
  | "waiting"
  | "completed"
  | "failed"
  | "interrupted"
  | "stopped"
  | "needs_attention";

export const TERMINAL: readonly DuvoStatus[] = ["completed", "failed", "interrupted", "stopped"];
/** Statuses in which posting a message resumes the run (as the spec says). */
export const RESUMABLE: readonly DuvoStatus[] = ["waiting", "completed", "interrupted"];

export interface StoredMessage extends Omit<Message, "timestamp"> {
  timestamp: number;
}

export interface HumanRequestRecord {
  id: string;
  run_id: string;
  type: "approval" | "question";
  title: string;
  description: string | null;
  questions?: HumanRequestQuestion[];
  created_at: number;
  response: string | null;
  responded_at: number | null;
}

export interface Step {
  at: number;
  apply: (run: RunRecord, at: number) => void;
}

export interface RunRecord {
  id: string;
  agent_id: string;
  agent_name: string | null;
  build_id: string;
  status: DuvoStatus;
  source: string | null;
  sandbox_id: string | null;
  started_at: number | null;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  human_in_the_loop_enabled: boolean;
  title: string | null;
  run_number: number;
  user_id: string | null;
  case_queue_item_id: string | null;
  case_queue_id: string | null;
  case_queue_name: string | null;
  case_title: string | null;
  postponed_to: number | null;
  submitted_prompt_count: number;
  eval_summaries: EvalSummaries | null;
  digest_id: string | null;
  webhook_url?: string;
  humanRequests: HumanRequestRecord[];
  /** Undefined until first read for seeded runs (generated lazily from messageSeed). */
  messages?: StoredMessage[];
  messageSeed?: number;
  timeline: Step[];
}
