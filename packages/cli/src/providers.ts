// The providers whose runs the CLI lists across providers: a few declarations each (how a run becomes a row) over
// the generated registry of every provider (src/generated/providers.ts), which alone serves `agentruns api`.
import type { OperationSpec, Page, RequestOptions } from "@agentruns/core";
import { runsList as avidoRuns, type Avido } from "@agentruns/avido";
import { runsList as duckieRuns, type Duckie } from "@agentruns/duckie";
import { runsList as duvoRuns, type Duvo } from "@agentruns/duvo";
import type { ApiProvider } from "./api-provider.js";
import { API_PROVIDERS } from "./generated/providers.js";
import { secondsBetween, type Row, type Status } from "./rows.js";

export type { ApiProvider };
type Item = Record<string, any>;

/** How the cross-provider `runs` commands read one provider's runs. */
export interface RunsMapping {
  /** The runs list; its query parameters become the provider's `runs list` flags. */
  listOperation: OperationSpec;
  /** The list's paging parameters (set by the paginator, not flags); the first is the page size. */
  paging: readonly string[];
  /** Every page of the runs list for a query in the spec's own parameter names. */
  pages(
    client: ReturnType<ApiProvider["create"]>,
    query: Record<string, unknown>,
    options: RequestOptions,
  ): AsyncIterable<Page<Item>>;
  /** The query that sorts newest first (what the cross-provider merge needs). */
  newestFirst: Record<string, string>;
  /** The query parameter that takes "created at or after". */
  since: string;
  /** The status filter: one value per request (Duvo) or several (Duckie); none when the API has no such filter. */
  statusFilter?: { param: string; multiple: boolean };
  /** Each provider status, normalized. */
  statuses: Readonly<Record<string, Status>>;
  /** The number of matching runs, when a page says it. */
  total(body: Item): number | undefined;
  /** A run as a row; `status` is the status filter it was listed under, for APIs whose list items lack it. */
  row(item: Item, status?: string): Row;
}

/** A provider whose runs the CLI lists. */
export type CliProvider = ApiProvider & RunsMapping;

const normalized = (statuses: Readonly<Record<string, Status>>, status: string): Status =>
  Object.hasOwn(statuses, status) ? statuses[status]! : "unknown";

const DUVO_STATUSES: Record<string, Status> = {
  not_started: "pending",
  pending: "pending",
  starting: "pending",
  running: "running",
  waiting: "waiting",
  needs_attention: "waiting",
  completed: "completed",
  failed: "failed",
  interrupted: "failed",
  stopped: "cancelled",
};

const duvo = (operations: ApiProvider["operations"]): RunsMapping => ({
  listOperation: operations.listRuns!,
  paging: ["limit", "offset"],
  pages: (client, query, options) => duvoRuns(client as Duvo, query, options).iterPages(),
  newestFirst: { sort_by: "created_at", sort_order: "desc" },
  since: "since",
  // Duvo's list items carry no status: the CLI lists one status per request and stamps it on the rows.
  statusFilter: { param: "status", multiple: false },
  statuses: DUVO_STATUSES,
  total: (body) => body.total,
  row: (run, status = "unknown") => ({
    provider: "duvo",
    id: run.id,
    status: normalized(DUVO_STATUSES, status),
    provider_status: status,
    title: run.title ?? run.case_title ?? run.agent_name ?? null,
    created_at: run.created_at,
    duration_s: secondsBetween(run.started_at, run.completed_at),
    url: null,
  }),
});

// Avido's runs are evaluation runs without a status: their result says how they ended.
const AVIDO_STATUSES: Record<string, Status> = { pending: "pending", passed: "completed", failed: "failed" };

const avido = (operations: ApiProvider["operations"]): RunsMapping => ({
  listOperation: operations.listRuns!,
  paging: ["limit", "skip"],
  pages: (client, query, options) => avidoRuns(client as Avido, query, options).iterPages(),
  newestFirst: { orderBy: "createdAt", orderDir: "desc" },
  since: "startDate",
  statuses: AVIDO_STATUSES,
  total: (body) => body.pagination?.total,
  row: (run) => {
    const result = run.result as { failed: number; total: number } | undefined;
    const status = !result ? "pending" : result.failed > 0 ? "failed" : "passed";
    return {
      provider: "avido",
      id: run.id,
      status: normalized(AVIDO_STATUSES, status),
      provider_status: result ? `${status} (${result.total - result.failed}/${result.total} passed)` : status,
      title: `${String(run.type).toLowerCase()} evaluation run`,
      created_at: run.createdAt,
      duration_s: null,
      url: null,
    };
  },
});

const DUCKIE_STATUSES: Record<string, Status> = {
  running: "running",
  paused: "waiting",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
};

const duckie = (operations: ApiProvider["operations"]): RunsMapping => ({
  listOperation: operations.listRuns!,
  paging: ["limit", "cursor"],
  pages: (client, query, options) => duckieRuns(client as Duckie, query, options).iterPages(),
  newestFirst: {}, // Duckie lists newest first
  since: "created_after",
  statusFilter: { param: "status", multiple: true },
  statuses: DUCKIE_STATUSES,
  total: () => undefined,
  row: (run) => ({
    provider: "duckie",
    id: run.id,
    status: normalized(DUCKIE_STATUSES, run.status),
    provider_status: run.status,
    title: run.ticket?.title ?? run.agent?.name ?? null,
    created_at: run.created_at,
    duration_s: run.duration_seconds ?? null,
    url: run.ticket?.url ?? null,
  }),
});

/** The run mappings, by provider id: a provider of the registry without one is served by `api` alone. */
const MAPPINGS: Readonly<Record<string, (operations: ApiProvider["operations"]) => RunsMapping>> = {
  duvo,
  avido,
  duckie,
};

/** Every provider of scripts/providers.ts, in its order. */
export const ALL_PROVIDERS: readonly ApiProvider[] = API_PROVIDERS;

/** The providers whose runs the CLI lists, in providers.ts order. */
export const PROVIDERS: readonly CliProvider[] = API_PROVIDERS.flatMap((p) =>
  Object.hasOwn(MAPPINGS, p.id) ? [{ ...p, ...MAPPINGS[p.id]!(p.operations) }] : [],
);

/** Any provider of the registry by id. */
export const providerById = (id: string): ApiProvider | undefined => ALL_PROVIDERS.find((p) => p.id === id);

/** A provider whose runs the CLI lists, by id. */
export const runsProviderById = (id: string): CliProvider | undefined => PROVIDERS.find((p) => p.id === id);
