// `pnpm demo`: a short tour of each API against its simulator (no API key, no network), with the ergonomic clients.
import { Avido } from "@agentruns/avido";
import { Duckie } from "@agentruns/duckie";
import { Duvo } from "@agentruns/duvo";
import { startAvidoSimulator, startDuckieSimulator, startDuvoSimulator } from "@agentruns/simulators";

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

await duvoDemo();
line();
await avidoDemo();
line();
await duckieDemo();
