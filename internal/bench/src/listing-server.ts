// The loopback API the CLI listing bench reads: Duckie's runs list (cursor pages) over 100,000 runs computed from a
// counter, in its own process so that serving is not timed with the CLI.
import { createServer } from "node:http";
import { duckieRunsPage } from "@agentruns/testkit";

const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);

const server = createServer((req, res) => {
  const body = duckieRunsPage(req.url ?? "/", TOTAL);
  res
    .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
    .end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.(typeof address === "object" && address ? address.port : 0);
});
