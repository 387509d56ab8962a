// `pnpm --filter @agentruns/fault-matrix soak:mcp [--minutes 30] [--clients 50]`: runs the MCP soak and writes its
// result to soak/mcp-soak.result.json, which docs/reliability.md renders (then run `reliability:doc`).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { soak } from "./mcp-soak.js";

const { values } = parseArgs({
  options: { minutes: { type: "string", default: "30" }, clients: { type: "string", default: "50" } },
});
const minutes = Number(values.minutes);
const result = await soak({
  durationMs: minutes * 60_000,
  clients: Number(values.clients),
  samplesAtMs: [1, 10, 20].filter((m) => m < minutes).map((m) => m * 60_000),
});
writeFileSync(new URL("./mcp-soak.result.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, errors: result.errors.slice(0, 10) }, null, 2));
