// `pnpm bench`: every comparison side by side in one run, then docs/benchmarks.md with the machine, the versions,
// the date, and which differences are inside the machine's noise. Timings live here, never in `pnpm test`.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { bundles, oneCallBreakdown } from "./bundle.js";
import { codegen } from "./codegen.js";
import { latency, loadPeers } from "./latency.js";
import { generatePeers } from "./peers.js";
import { paginationCpu, walkHeapMb } from "./pagination.js";
import { against, insideNoise, type Ratio } from "./rounds.js";
import { ratioTable, spread, x } from "./report.js";
import { largeSpecs } from "./large-specs.js";
import { largeSpecsSection } from "./large-specs-report.js";
import { typeCost } from "./types.js";
import { FLEET, fleetThroughput } from "./fleet.js";
import { startUp, toolCallOverhead } from "./mcp.js";
import { coldImport } from "./cold-import.js";
import { cliListing } from "./cli-listing.js";

const repo = path.resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);
const quick = process.argv.includes("--quick");
/** `--skip-large`: leave out the largest specs (minutes per generation of the 13 MB one); `bench:large` runs them alone. */
const skipLarge = process.argv.includes("--skip-large");
const ROUNDS = quick ? 4 : 20;
const CALLS = quick ? 100 : 500;

/** The loopback server in its own process, serving a list of `items` runs. */
async function server(items: number): Promise<{ url: string; stop: () => void }> {
  const child = fork(path.join(import.meta.dirname, "server.ts"), [], {
    env: { ...process.env, BENCH_ITEMS: String(items) },
    execArgv: ["--import", "tsx"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("error", reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** A dependency's version from its package.json (read from disk: some, openai's, do not export it). */
const version = (name: string) =>
  (
    JSON.parse(
      readFileSync(path.join(import.meta.dirname, "../node_modules", name, "package.json"), "utf8"),
    ) as {
      version: string;
    }
  ).version;
/** The MCP SDK's exports map hides its package.json: the version @agentruns/mcp pins. */
const mcpSdkVersion = (require("@agentruns/mcp/package.json") as { dependencies: Record<string, string> })
  .dependencies["@modelcontextprotocol/sdk"];
/** Ours against the floor of any client with time-outs, from the same rounds: what our own code adds. */
function overFloor(ratios: Ratio[], ours: string, floor: string): string {
  const a = ratios.find((r) => r.name === ours);
  const b = ratios.find((r) => r.name === floor);
  if (!a || !b) return "";
  const r = against(a, b);
  const said = insideNoise(r)
    ? "inside the noise: our own code adds nothing this machine can tell apart"
    : r.median > 1
      ? "our own code's cost beyond the floor"
      : "faster than the floor";
  return `\n\n${ours} ÷ ${floor}, per round: **${x(r.median)}** (interquartile range ${spread(r)}): ${said}.`;
}

const api = await server(100_000);
const sections: string[] = [];
process.stderr.write("generating the peers' clients\n");
const peerDirs = await generatePeers(api.url);
try {
  const lat = await latency(api.url, { rounds: ROUNDS, calls: CALLS }, await loadPeers(peerDirs, api.url));
  sections.push(
    "## Per-call latency\n\n" +
      `Loopback server in its own process; ${ROUNDS} interleaved rounds × ${CALLS} calls, the order rotated each round; ` +
      "each round's time divided by raw fetch's in the same round. Ours runs with validation, retries (not triggered), " +
      'the per-attempt time-out and typed errors on. "raw fetch + time-out" is raw fetch with what ending a hung ' +
      "attempt takes (an AbortController, a timer, the signal passed to fetch): the floor of any client with time-outs.\n\n" +
      lat
        .map(
          (l) =>
            `### ${l.label}\n\n${ratioTable(l.ratios)}` +
            overFloor(l.ratios, "@agentruns/duvo", "raw fetch + time-out"),
        )
        .join("\n\n"),
  );
  process.stderr.write("pagination\n");
  // 16 rounds: with 6, three runs of the bench gave medians from 1.03 to 1.25 (the walk's CPU time is noisy here).
  const walkRounds = quick ? 2 : 16;
  const walk = await paginationCpu(api.url, walkRounds);
  sections.push(
    "## Pagination: every item of 100,000 (pages of 100)\n\n" +
      `CPU time of the client process per walk, ${walkRounds} interleaved rounds. "+ time-out" is the hand loop with ` +
      "an AbortController and a timer per page request, as any client that can end a hung request needs.\n\n" +
      ratioTable(walk, "ms CPU/walk") +
      overFloor(walk, "@agentruns/duvo for await", "raw fetch loop + time-out"),
  );
  process.stderr.write("mcp\n");
  const tool = await toolCallOverhead(api.url, ROUNDS, CALLS);
  const start = await startUp(quick ? 5 : 15);
  sections.push(
    "## MCP server (@agentruns/mcp)\n\n" +
      `A tool call through the official MCP client and an in-process transport against the same call with the Duvo ` +
      `client, ${ROUNDS} interleaved rounds × ${CALLS} calls (the loopback API above).\n\n` +
      ratioTable(tool) +
      `\n\nStart-up to a ready stdio server (spawn until \`initialize\` is answered), ${quick ? 5 : 15} interleaved ` +
      `runs: agentruns-mcp **${start.mcp.toFixed(0)} ms** (interquartile range ${start.spread.map((v) => v.toFixed(0)).join("–")} ms), ` +
      `a bare \`node\` answering the same pipe ${start.node.toFixed(0)} ms.`,
  );
} finally {
  api.stop();
}

const heaps: string[] = [];
for (const items of quick ? [10_000, 100_000] : [10_000, 1_000_000]) {
  const s = await server(items);
  try {
    const h = await walkHeapMb(s.url);
    heaps.push(`| ${h.items.toLocaleString("en")} | ${h.peakMb.toFixed(1)} MB |`);
  } finally {
    s.stop();
  }
}
sections.push(
  "### Heap while walking\n\nHeap still in use after a full garbage collection, every 10,000 items (the largest).\n\n" +
    "| items walked | heap in use |\n|---:|---:|\n" +
    heaps.join("\n"),
);

process.stderr.write("bundles\n");
const b = await bundles(peerDirs);
sections.push(
  "## Browser bundle (esbuild, minified + gzip -9)\n\n### create + get + list\n\n| client | bytes |\n|---|---:|\n" +
    b.threeCalls.map(([n, v]) => `| ${n} | ${v.toLocaleString("en")} |`).join("\n") +
    "\n\n### one call (get)\n\n| client | bytes |\n|---|---:|\n" +
    b.oneCall.map(([n, v]) => `| ${n} | ${v.toLocaleString("en")} |`).join("\n"),
);
const parts = await oneCallBreakdown();
const minified = parts.reduce((sum, p) => sum + p.bytes, 0);
sections.push(
  "### Where our one call's bytes go\n\nMinified bytes of `@agentruns/duvo (functions)`'s one-call bundle by module " +
    "(gzip compresses the whole, so a module's share of the gzipped size is roughly its share here).\n\n" +
    "| module | minified bytes | share | holds |\n|---|---:|---:|---|\n" +
    parts
      .map(
        (p) =>
          `| ${p.module} | ${p.bytes.toLocaleString("en")} | ${((100 * p.bytes) / minified).toFixed(0)}% | ${p.holds} |`,
      )
      .join("\n"),
);

process.stderr.write("cold import\n");
const cold = coldImport(quick ? 5 : 15);
const ours = cold.rows.find((r) => r.name === "@agentruns/duvo")!;
sections.push(
  "## Cold import\n\n" +
    `A fresh \`node\` importing each package and exiting, against one importing nothing (${cold.empty.toFixed(0)} ms), ` +
    `${quick ? 5 : 15} interleaved runs; the full-featured SDKs of other generators imported whole, as apps do. ` +
    `Ours: **+${ours.over.toFixed(0)} ms** (target: at most 50 ms; the modules and bytes it loads are a test budget). ` +
    "Differences of a few ms are inside this machine's noise.\n\n" +
    "| package | version | median ms | over an empty node |\n|---|---|---:|---:|\n" +
    cold.rows
      .map((r) => {
        const pkg = r.name.split(" ")[0]!;
        const v = pkg.startsWith("@agentruns/") ? "this repo" : version(pkg);
        return `| ${r.name} | ${v} | ${r.ms.toFixed(0)} | +${r.over.toFixed(0)} ms |`;
      })
      .join("\n"),
);

process.stderr.write("cli listing\n");
const listing = await cliListing(quick ? 2 : 5);
sections.push(
  "## Command line: `agentruns runs list --format csv` of 100,000 runs\n\n" +
    `Spawn to exit with stdout read to its end, Duckie's cursor pages from a loopback server in its own process, ` +
    `${listing.runs} runs after one not counted: **${(listing.median / 1000).toFixed(2)} s** median ` +
    `(${(listing.min / 1000).toFixed(2)}–${(listing.max / 1000).toFixed(2)} s; target: at most 2 s on an idle ` +
    `machine), a bare \`node\` start-up ${listing.node.toFixed(0)} ms in the same runs. The CLI sends on ` +
    "`undiciTransport()` and writes rows in batches.",
);

process.stderr.write("type cost\n");
const t = await typeCost(peerDirs);
sections.push(
  "## Consumer type-check cost (create + get + list)\n\nType instantiations over an empty file, strict, deterministic for TypeScript " +
    `${version("typescript")}; a peer's generated sources are checked with the consumer (bundler resolution).\n\n` +
    "| client | instantiations | strict errors |\n|---|---:|---:|\n" +
    t.map(([n, v, e]) => `| ${n} | ${v.toLocaleString("en")} | ${e} |`).join("\n"),
);

process.stderr.write("codegen\n");
const gen = await codegen(quick ? 2 : 5);
sections.push(
  "## Code generation (Duvo's spec)\n\nEach a fresh Node process; ours generates and compares both packages (`--check`).\n\n" +
    ratioTable(gen, "ms/run"),
);

process.stderr.write("large specs\n");
sections.push(
  skipLarge
    ? "## Large specs\n\nNot run in this pass (`--skip-large`); `pnpm --filter @agentruns/bench bench:large --write` runs them alone, into [large-specs.md](large-specs.md)."
    : largeSpecsSection(await largeSpecs(quick ? 1 : 3, quick ? ["kubernetes"] : undefined)),
);

process.stderr.write("fleet\n");
const fleet = await fleetThroughput();
sections.push(
  `## Fleet: ${FLEET.workers} worker processes, one API key, ${FLEET.calls.toLocaleString("en")} calls\n\n` +
    `Against a Duvo simulator allowing ${FLEET.limit} requests per ${FLEET.windowMs / 1000} s per key (fixed windows, ` +
    `${(FLEET.limit * 1000) / FLEET.windowMs} a second); four calls in flight ` +
    "per worker, no retries (a 429 counts as one). One run each.\n\n" +
    (fleet
      ? "| limiter | calls/s | of the limit | answered 429 |\n|---|---:|---:|---:|\n" +
        fleet
          .map(
            (f) =>
              `| ${f.mode} | ${f.perSecond.toFixed(1)} | ${((100 * f.perSecond * FLEET.windowMs) / 1000 / FLEET.limit).toFixed(0)}% | ${f.limited} |`,
          )
          .join("\n")
      : "Skipped: this machine has no redis-server (`apt-get install redis-server`)."),
);

const cpus = os.cpus();
const header = [
  "# Benchmarks",
  "",
  "<!-- Written by `pnpm bench` (internal/bench); do not edit by hand. -->",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${process.version}, ` +
    `undici ${version("undici")} (and Node's own for fetch), openapi-fetch ${version("openapi-fetch")}, ` +
    `openapi-typescript ${version("openapi-typescript")}, @hey-api/openapi-ts ${version("@hey-api/openapi-ts")}, ` +
    `orval ${version("orval")}, openai ${version("openai")}, @polar-sh/sdk ${version("@polar-sh/sdk")}, ` +
    `@modelcontextprotocol/sdk ${mcpSdkVersion}, TypeScript ${version("typescript")}` +
    (quick ? " (quick run: few rounds, figures rough)." : "."),
  "",
  "How to read it: a ratio's interquartile range spanning 1.00 means the difference is inside this machine's " +
    "round-to-round noise; the machine is shared, so only differences outside it are claims. The peers' clients " +
    "are generated from Duvo's spec by their own CLIs in this run (@hey-api/openapi-ts with its fetch client, orval " +
    "with fetch).",
];
const doc = [...header, "", ...sections.flatMap((s) => [s, ""])].join("\n");
// A quick run's rough figures never replace the committed full run's: they are printed only.
if (!quick) await writeFile(path.join(repo, "docs", "benchmarks.md"), doc);
process.stdout.write(doc);
