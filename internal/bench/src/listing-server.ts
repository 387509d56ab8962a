// The loopback API the CLI listing bench reads: Duckie's runs list (cursor pages) over 100,000 runs computed from a
// counter, in its own process so that serving is not timed with the CLI.
import { createServer } from "node:http";

const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);
const DAY0 = Date.parse("2026-11-01T00:00:00Z");

/** Run n (0 = newest), in Duckie's RunSummary shape. */
const runAt = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  created_at: new Date(DAY0 - n * 1000).toISOString(),
  updated_at: new Date(DAY0 - n * 1000 + 500).toISOString(),
  status: n % 10 === 0 ? "failed" : "completed",
  source: "email",
  duration_seconds: n % 600,
  ticket: {
    id: `T-${n}`,
    title: `Ticket number ${n}, with "quotes" and commas`,
    url: `https://help.example/t/${n}`,
  },
  agent: null,
  category: null,
  resolution: null,
  trigger: null,
  approval: null,
  scheduled_resume_at: null,
});

const server = createServer((req, res) => {
  const q = new URL(req.url ?? "/", "http://x").searchParams;
  const from = Number(q.get("cursor") ?? 0);
  const limit = Number(q.get("limit") ?? 50);
  const data = [];
  for (let n = from; n < Math.min(TOTAL, from + limit); n++) data.push(runAt(n));
  const more = from + limit < TOTAL;
  const body = JSON.stringify({
    data,
    pagination: { next_cursor: more ? String(from + limit) : null, has_more: more },
  });
  res
    .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
    .end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.(typeof address === "object" && address ? address.port : 0);
});
