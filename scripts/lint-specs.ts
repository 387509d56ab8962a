// `pnpm lint:specs`: every provider's spec of providers.ts through Redocly's linter. The providers redocly.yaml lists
// are linted as vendored under its strict rules; every other (a provider just added) under redocly.third-party.yaml,
// as the generator reads it (overlay applied, Swagger 2.0 converted, parsed by the generator's YAML reader), so that
// only what stops generation is an error and the rest shows as warnings.
// Usage: node scripts/run.mjs lint-specs [--root <dir>] [provider ...]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { parseArgs, selectProviders } from "./src/cli-args.js";
import { loadSpec } from "./src/provider.js";

const { root, positionals } = parseArgs(process.argv.slice(2));
const chosen = selectProviders(positionals);
const tuned = new Set(
  Object.keys(parseYaml(readFileSync(path.join(root, "redocly.yaml"), "utf8"))?.apis ?? {}),
);
const redocly = (args: string[]) =>
  spawnSync(path.join(root, "node_modules", ".bin", "redocly"), ["lint", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  }).status ?? 1;

let status = 0;
const first = chosen.filter((p) => tuned.has(p.id)).map((p) => p.id);
if (first.length) status ||= redocly(first);
const others = chosen.filter((p) => !tuned.has(p.id));
if (others.length) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentruns-lint-"));
  try {
    const files: string[] = [];
    for (const entry of others) {
      const file = path.join(dir, `${entry.id}.openapi.json`);
      writeFileSync(file, JSON.stringify((await loadSpec(root, entry)).doc));
      files.push(file);
    }
    console.log(`Third-party rules (redocly.third-party.yaml) for ${others.map((p) => p.spec).join(", ")}`);
    status ||= redocly([...files, "--config", path.join(root, "redocly.third-party.yaml")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(status);
