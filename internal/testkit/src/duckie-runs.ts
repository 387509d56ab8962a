// Duckie's runs list computed from a counter, for the long-listing tests and the CLI listing bench: run n in Duckie's
// RunSummary shape (0 is the newest; every tenth failed; a title with quotes and commas), and a cursor page of them.

const DAY0 = Date.parse("2026-11-01T00:00:00Z");

/** Run n (0 = newest), in Duckie's RunSummary shape. */
export const duckieRunAt = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  created_at: new Date(DAY0 - n * 1000).toISOString(),
  updated_at: new Date(DAY0 - n * 1000 + 500).toISOString(),
  status: n % 10 === 0 ? "failed" : "completed",
  source: "email",
  duration_seconds: n % 600,
  ticket: {
    id: `T-${n}`,
    title: `Ticket number ${n}, with "quotes", commas and a long title to make rows heavier`,
    url: `https://help.example/t/${n}`,
  },
  agent: null,
  category: null,
  resolution: null,
  trigger: null,
  approval: null,
  scheduled_resume_at: null,
});

/** The JSON of the page a request URL asks for (`cursor` = index of its first run, `limit` default 50) of `total` runs. */
export function duckieRunsPage(url: string, total: number): string {
  const q = new URL(url, "http://x").searchParams;
  const from = Number(q.get("cursor") ?? 0);
  const limit = Number(q.get("limit") ?? 50);
  const data = [];
  for (let n = from; n < Math.min(total, from + limit); n++) data.push(duckieRunAt(n));
  const more = from + limit < total;
  return JSON.stringify({
    data,
    pagination: { next_cursor: more ? String(from + limit) : null, has_more: more },
  });
}
