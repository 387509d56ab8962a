// The loopback API the latency and pagination benches call, in its own process so its work is not timed: Duvo's
// run (GET), created run (POST), and pages of 100 run summaries (offset + total) for the walk.
import { createServer } from "node:http";

const RUN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const run = {
  id: RUN,
  agent_id: RUN,
  build_id: RUN,
  status: "running",
  source: "api",
  sandbox_id: null,
  started_at: null,
  completed_at: null,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  human_in_the_loop_enabled: true,
};
// As the spec says GET /v1/runs/{run_id} answers (the MCP bench checks answers against it).
const got = JSON.stringify({ run, pending_human_request: null });
const created = JSON.stringify({ run });
const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);
const summary = { id: RUN, agent_id: RUN, status: "completed", source: "api", created_at: run.created_at };

/** A page of run summaries at `offset` (ids differ per item, so nothing is shared between pages). */
function page(offset: number, limit: number): string {
  const data = [];
  for (let i = offset; i < Math.min(TOTAL, offset + limit); i++) data.push({ ...summary, id: `run-${i}` });
  return JSON.stringify({ data, total: TOTAL });
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://x");
    let body: string;
    let status = 200;
    if (req.method === "POST") {
      body = created;
      status = 201;
    } else if (url.pathname === "/v1/runs") {
      body = page(Number(url.searchParams.get("offset") ?? 0), Number(url.searchParams.get("limit") ?? 100));
    } else body = got;
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.(typeof address === "object" && address ? address.port : 0);
});
