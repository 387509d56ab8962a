import { fork } from "node:child_process";
import path from "node:path";
import { startUp, toolCallOverhead } from "./mcp.js";
import { ratioTable } from "./report.js";
const child = fork(path.join(import.meta.dirname, "server.ts"), [], { env: { ...process.env, BENCH_ITEMS: "1000" }, execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((r) => child.once("message", (m) => r(Number(m))));
try {
  const t = await toolCallOverhead(`http://127.0.0.1:${port}`, 10, 300);
  console.log(ratioTable(t));
  console.log(await startUp(9));
} finally {
  child.kill();
}
