// CLI: classify the changes between two versions of a spec. Usage: node scripts/run.mjs spec-diff <old> <new> (pnpm spec:diff)
import { readFile } from "node:fs/promises";
import { diffSpecs } from "./src/diff/rules.js";
import { summarize } from "./src/diff/report.js";
import { parseSpec } from "./src/provider.js";

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile || !newFile) {
  console.error("Usage: pnpm spec:diff <old spec> <new spec>");
  process.exit(2);
}
// Swagger 2.0 documents are compared as the OpenAPI 3 they convert to.
const load = async (f: string) => parseSpec(await readFile(f, "utf8"), f);
console.log(summarize(`${oldFile} → ${newFile}`, diffSpecs(await load(oldFile), await load(newFile))));
