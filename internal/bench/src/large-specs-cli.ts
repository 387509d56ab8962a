// `pnpm --filter @agentruns/bench bench:large [--rounds N] [--only id,...]`: the large-spec rows of `pnpm bench` alone.
import { parseArgs } from "node:util";
import { largeSpecs } from "./large-specs.js";
import { largeSpecsSection } from "./large-specs-report.js";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, only: { type: "string" } },
});
const rows = await largeSpecs(Number(values.rounds), values.only?.split(","));
process.stdout.write(largeSpecsSection(rows) + "\n");
