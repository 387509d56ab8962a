// `pnpm demo`: a short tour of each API against its simulator (no API key, no network), with the ergonomic clients.
import { Avido } from "@agentruns/avido";
import { Duckie } from "@agentruns/duckie";
import { Duvo } from "@agentruns/duvo";
import { startAvidoSimulator, startDuckieSimulator, startDuvoSimulator } from "@agentruns/simulators";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const line = (s = "") => console.log(s);

async function duvoDemo() {
  const sim = await startDuvoSimulator({ runs: 1000, defaultAgent: { stepMs: 150 } });
  try {
    const duvo = new Duvo({ apiKey: "demo-key", baseUrl: sim.url, env: {} });
    line(`▶ Duvo (simulator at ${sim.url}, 1,000 seeded runs)`);
    let pages = 0;
    for await (const page of duvo.runs.list({ status: "completed", limit: 50 }).iterPages()) {
      if (++pages > 3) break;
      line(
        `  list status=completed page ${pages}: ${page.data.length} of ${page.body.total}; first: ${page.data[0]?.title}`,
      );
    }
    const agent_id = sim.store.world.agents[1]!.id;
    const run = await duvo.runs.create({ agent_id, message: "Refund order 1042 (duplicate charge)" });
    line(`  created run ${run.id} (status ${run.status})`);
    let last = run.status;
    const onUpdate = (s: { run: { status: string } | null }) => {
      if (s.run && s.run.status !== last) line(`  … status ${(last = s.run.status)}`);
    };
    const waiting = await duvo.runs.waitFor(run.id, { intervalMs: 100, onUpdate });
    const request = waiting.pending_human_request!;
    line(`  human request (${request.type}): "${request.title}"`);
    const answered = await duvo.runs.humanRequests.respond(run.id, request.id, { approved: true });
    line(`  responded: ${answered.response}`);
    await duvo.runs.waitFor(run.id, { intervalMs: 100, onUpdate });
    await duvo.runs.messages.create(run.id, { message: "Also email the customer, please." });
    line("  posted a follow-up message: the run resumes");
    last = "resumed"; // report what the next poll sees, even if the run already finished again
    await duvo.runs.waitFor(run.id, { intervalMs: 100, onUpdate });
    line("  messages:");
    for await (const m of duvo.runs.messages.list(run.id))
      line(`    ${m.timestamp.slice(11, 23)} ${m.role.padEnd(9)} ${m.text_content}`);
  } finally {
    await sim.close();
  }
}

async function avidoDemo() {
  const sim = await startAvidoSimulator({ runs: 500 });
  try {
    const avido = new Avido({ apiKey: "avido_demo", applicationId: "app_demo", baseUrl: sim.url, env: {} });
    line(`▶ Avido (simulator at ${sim.url}, 500 seeded runs)`);
    const startDate = new Date(sim.clock.now() - 30 * 86_400_000);
    let pages = 0;
    for await (const page of avido.runs
      .list({ orderBy: "createdAt", orderDir: "desc", startDate, limit: 20 })
      .iterPages()) {
      const p = page.body.pagination;
      if (++pages <= 3)
        line(
          `  last 30 days, page ${pages}/${p.totalPages}: ${page.data.length} runs (total ${p.total} of ${p.totalCount})`,
        );
    }
    line(`  walked all ${pages} pages`);
  } finally {
    await sim.close();
  }
}

async function duckieDemo() {
  const sim = await startDuckieSimulator({ runs: 2000 });
  try {
    const duckie = new Duckie({ apiKey: "dk_live_demo", baseUrl: sim.url, env: {} });
    line(`▶ Duckie (simulator at ${sim.url}, 2,000 seeded runs)`);
    let pages = 0;
    let runs = 0;
    const filters = {
      status: ["completed", "failed"] as ("completed" | "failed")[],
      duration: { gte: 60 },
      metadata: { team: "billing" },
      limit: 100,
    };
    for await (const page of duckie.runs.list(filters).iterPages()) {
      pages++;
      runs += page.data.length;
      line(`  page ${pages}: ${page.data.length} runs, has_more=${page.body.pagination.has_more}`);
    }
    line(
      `  status in (completed, failed), duration ≥ 60 s, metadata.team=billing: ${runs} runs in ${pages} pages`,
    );
  } finally {
    await sim.close();
  }
}

/** The `agentruns` command line, end to end: `agentruns sim`, then listings across the three simulators. */
async function cliDemo() {
  const bin = path.join(
    path.dirname(createRequire(import.meta.url).resolve("@agentruns/cli/package.json")),
    "bin/agentruns.js",
  );
  const dir = await mkdtemp(path.join(tmpdir(), "agentruns-demo-"));
  const envFile = path.join(dir, "sim.env");
  const sim = spawn(process.execPath, [bin, "sim", "--runs", "300", "--write-env", envFile], {
    stdio: "ignore",
  });
  try {
    let text = "";
    for (let waited = 0; !text; waited += 50) {
      if (waited > 20_000 || sim.exitCode !== null) throw new Error("agentruns sim did not start");
      await new Promise((r) => setTimeout(r, 50));
      text = await readFile(envFile, "utf8").catch(() => "");
    }
    line("▶ The agentruns CLI across the three simulators (no API key)");
    line("  $ agentruns sim --write-env sim.env &   # then, with sim.env's variables set:");
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", NO_COLOR: "1" };
    for (const m of text.matchAll(/^export (\w+)=(.*)$/gm)) env[m[1]!] = m[2]!;
    for (const args of [
      ["runs", "list", "--status", "failed", "--since", "7d", "--limit", "6"],
      ["runs", "stats", "--since", "14d"],
    ]) {
      line(`  $ agentruns ${args.join(" ")}`);
      const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
      line(stdout.trimEnd().replace(/^(?=.)/gm, "    "));
    }
  } finally {
    sim.kill("SIGINT");
    if (sim.exitCode === null) await once(sim, "exit");
    await rm(dir, { recursive: true, force: true });
  }
}

await duvoDemo();
line();
await avidoDemo();
line();
await duckieDemo();
line();
await cliDemo();
