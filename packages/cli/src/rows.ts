// The one row every provider's run becomes in cross-provider listings, and the status vocabulary it uses.

/**
 * The normalized statuses, the same for every provider:
 * - `pending`: accepted, not started (Duvo not_started, pending, starting; an Avido run without a result yet)
 * - `running`: working (Duvo, Duckie running)
 * - `waiting`: stopped for a human (Duvo waiting, needs_attention; Duckie paused)
 * - `completed`: ended well (Duvo, Duckie completed; an Avido run whose evaluations all passed)
 * - `failed`: ended badly (Duvo failed, interrupted; Duckie failed; an Avido run with a failed evaluation)
 * - `cancelled`: stopped on purpose (Duvo stopped; Duckie cancelled)
 * - `unknown`: a status this version of the CLI does not know (a newer spec); `provider_status` says which
 */
export const STATUSES = [
  "pending",
  "running",
  "waiting",
  "completed",
  "failed",
  "cancelled",
  "unknown",
] as const;
export type Status = (typeof STATUSES)[number];

export interface Row {
  provider: string;
  id: string;
  status: Status;
  /** The status as the provider says it. */
  provider_status: string;
  title: string | null;
  /** ISO 8601. */
  created_at: string;
  duration_s: number | null;
  /** A link to the run (for Duckie, to its ticket), where the API gives one. */
  url: string | null;
}

/** The columns of a row, in output order. */
export const COLUMNS: readonly (keyof Row)[] = [
  "provider",
  "id",
  "status",
  "provider_status",
  "title",
  "created_at",
  "duration_s",
  "url",
];

/** Seconds between two ISO instants, or null when either is missing. */
export function secondsBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  if (!from || !to) return null;
  const s = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(s) && s >= 0 ? Math.round(s * 1000) / 1000 : null;
}
