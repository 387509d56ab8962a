// The three providers as the CLI sees them: a few declarations each over the ergonomic clients.
import { Avido, runsList as avidoRuns } from "@agentruns/avido";
import { operationTable as avidoOperations, provider as avidoProvider } from "@agentruns/avido-openapi";
import type { BaseClient, OperationSpec, Page, RequestOptions } from "@agentruns/core";
import { Duckie, runsList as duckieRuns } from "@agentruns/duckie";
import { operationTable as duckieOperations, provider as duckieProvider } from "@agentruns/duckie-openapi";
import { Duvo, runsList as duvoRuns } from "@agentruns/duvo";
import { operationTable as duvoOperations, provider as duvoProvider } from "@agentruns/duvo-openapi";
import { secondsBetween, type Row, type Status } from "./rows.js";

export type ProviderId = "duvo" | "avido" | "duckie";
type Item = Record<string, any>;
type AnyClient = BaseClient<any>;

export interface CliProvider {
  id: ProviderId;
  /** The generated package's provider constant: title, credentials and their env vars, base URL env vars. */
  definition: {
    title: string;
    serverUrl: string;
    baseUrlEnv: readonly string[];
    credentials: readonly { option: string; env: string }[];
    requiredOptions: readonly string[];
  };
  /** Every operation of the spec (`agentruns api`). */
  operations: Readonly<Record<string, OperationSpec>>;
  /** The runs list; its query parameters become the provider's `runs list` flags. */
  listOperation: OperationSpec;
  /** The list's paging parameters (set by the paginator, not flags); the first is the page size. */
  paging: readonly string[];
  create(options: Record<string, unknown>): AnyClient;
  /** Every page of the runs list for a query in the spec's own parameter names. */
  pages(
    client: AnyClient,
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

const duvo: CliProvider = {
  id: "duvo",
  definition: duvoProvider,
  operations: duvoOperations,
  listOperation: duvoOperations.listRuns,
  paging: ["limit", "offset"],
  create: (options) => new Duvo(options),
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
};

// Avido's runs are evaluation runs without a status: their result says how they ended.
const AVIDO_STATUSES: Record<string, Status> = { pending: "pending", passed: "completed", failed: "failed" };

const avido: CliProvider = {
  id: "avido",
  definition: avidoProvider,
  operations: avidoOperations,
  listOperation: avidoOperations.listRuns,
  paging: ["limit", "skip"],
  create: (options) => new Avido(options),
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
};

const DUCKIE_STATUSES: Record<string, Status> = {
  running: "running",
  paused: "waiting",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
};

const duckie: CliProvider = {
  id: "duckie",
  definition: duckieProvider,
  operations: duckieOperations,
  listOperation: duckieOperations.listRuns,
  paging: ["limit", "cursor"],
  create: (options) => new Duckie(options),
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
};

export const PROVIDERS: readonly CliProvider[] = [duvo, avido, duckie];

export const providerById = (id: string): CliProvider | undefined => PROVIDERS.find((p) => p.id === id);
