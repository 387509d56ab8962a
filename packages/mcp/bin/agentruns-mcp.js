#!/usr/bin/env node
// Command-line entry of @agentruns/mcp (src/main.ts, bundled into dist/bin.js by build-bin.mjs): runs until stdin ends (stdio) or a signal.
import { main } from "../dist/bin.js";

const { code, stop } = await main(process.argv.slice(2));
if (!stop) {
  process.exitCode = code;
} else {
  let stopping = false;
  const end = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  if (!process.argv.includes("--http")) process.stdin.on("end", end);
  // A client's behaviour never ends the server: what escaped a handler is reported, and the server goes on.
  process.on("uncaughtException", (e) => process.stderr.write(`agentruns-mcp: ${e?.message ?? e}\n`));
  process.on("unhandledRejection", (e) => process.stderr.write(`agentruns-mcp: ${e?.message ?? e}\n`));
}
