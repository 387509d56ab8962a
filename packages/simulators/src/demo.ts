// `pnpm demo`: a short tour of each API against its simulator, using the generated typed clients.
import { createClient as avidoClient } from "@agentruns/avido-openapi";
import { createClient as duckieClient } from "@agentruns/duckie-openapi";
import { createClient as duvoClient } from "@agentruns/duvo-openapi";
import { startAvidoSimulator, startDuckieSimulator, startDuvoSimulator } from "./index.js";

const line = (s = "") => console.log(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function duvoDemo() {
  const sim = await startDuvoSimulator({ runs: 1000, defaultAgent: { stepMs: 150 } });
  try {
    const duvo = duvoClient({ apiKey: "demo-key", baseUrl: sim.url, env: {} });
    line(`▶ Duvo (simulator at ${sim.url}, 1,000 seeded runs)`);
    for (let offset = 0, page = 1; page <= 3; page++) {
      const { data } = await duvo.GET("/v1/runs", {
        params: { query: { status: "completed", limit: 50, offset } },
      });
      if (!data) throw new Error("list failed");
      line(
        `  list status=completed page ${page}: runs ${offset + 1}-${offset + data.data.length} of ${data.total}; first: ${data.data[0]?.title}`,
      );
      offset += data.data.length;
    }
    const agent_id = sim.store.world.agents[1]!.id;
    const created = await duvo.POST("/v1/runs", {
      body: { agent_id, message: "Refund order 1042 (duplicate charge)" },
    });
    const runId = created.data!.run.id;
    line(`  created run ${runId} (status ${created.data!.run.status})`);
    const path = { run_id: runId };
    let current = (await duvo.GET("/v1/runs/{run_id}", { params: { path } })).data!;
    while (current.run?.status !== "waiting") {
      await sleep(100);
      const next = (await duvo.GET("/v1/runs/{run_id}", { params: { path } })).data!;
      if (next.run?.status !== current.run?.status) line(`  … status ${next.run?.status}`);
      current = next;
    }
    const request = current.pending_human_request!;
    line(`  human request (${request.type}): "${request.title}"`);
    const answered = await duvo.POST("/v1/runs/{run_id}/human-requests/{request_id}/respond", {
      params: { path: { run_id: runId, request_id: request.id } },
      body: { approved: true },
    });
    line(`  responded: ${answered.data!.human_request.response}`);
    while ((await duvo.GET("/v1/runs/{run_id}", { params: { path } })).data!.run?.status !== "completed")
      await sleep(100);
    line("  … status completed");
    await duvo.POST("/v1/runs/{run_id}/messages", {
      params: { path },
      body: { message: "Also email the customer, please." },
    });
    line("  posted a follow-up message: the run resumes");
    while ((await duvo.GET("/v1/runs/{run_id}", { params: { path } })).data!.run?.status !== "completed")
      await sleep(100);
    const messages = (await duvo.GET("/v1/runs/{run_id}/messages", { params: { path } })).data!;
    line(`  completed again; ${messages.total} messages:`);
    for (const m of messages.messages)
      line(`    ${m.timestamp.slice(11, 23)} ${m.role.padEnd(9)} ${m.text_content}`);
  } finally {
    await sim.close();
  }
}

async function avidoDemo() {
  const sim = await startAvidoSimulator({ runs: 500 });
  try {
    const avido = avidoClient({ apiKey: "avido_demo", applicationId: "app_demo", baseUrl: sim.url, env: {} });
    line(`▶ Avido (simulator at ${sim.url}, 500 seeded runs)`);
    const startDate = new Date(sim.clock.now() - 30 * 86_400_000).toISOString();
    for (let skip = 0, page = 1; page <= 3; page++) {
      const { data } = await avido.GET("/v0/runs", {
        params: { query: { orderBy: "createdAt", orderDir: "desc", startDate, limit: 20, skip } },
      });
      if (!data) throw new Error("list failed");
      const p = data.pagination;
      line(
        `  last 30 days, page ${page}/${p.totalPages}: ${data.data.length} runs (total ${p.total} of ${p.totalCount}); first: ${data.data[0]?.type} ${data.data[0]?.createdAt}`,
      );
      skip += p.limit;
    }
  } finally {
    await sim.close();
  }
}

async function duckieDemo() {
  const sim = await startDuckieSimulator({ runs: 2000 });
  try {
    const duckie = duckieClient({ apiKey: "dk_live_demo", baseUrl: sim.url, env: {} });
    line(`▶ Duckie (simulator at ${sim.url}, 2,000 seeded runs)`);
    let cursor: string | undefined;
    let pages = 0;
    let runs = 0;
    do {
      const { data } = await duckie.GET("/api/v1/runs", {
        params: {
          query: {
            status: ["completed", "failed"],
            "duration[gte]": 60,
            metadata: { team: "billing" },
            limit: 100,
            cursor,
          },
        },
      });
      if (!data) throw new Error("list failed");
      pages++;
      runs += data.data.length;
      line(`  page ${pages}: ${data.data.length} runs, has_more=${data.pagination.has_more}`);
      cursor = data.pagination.next_cursor ?? undefined;
    } while (cursor);
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
