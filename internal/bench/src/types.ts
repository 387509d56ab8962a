// Consumer type-check cost: the instantiations a strict type-check of create + get + list makes over an empty file,
// with bare openapi-fetch, the peer generators' clients and our client (deterministic for a TypeScript version). The
// peers' generated sources are checked with the file (they are sources, not declarations), bundler resolution.
import { typeCheck } from "@agentruns/testkit";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const FILES: Record<string, string> = {
  "openapi-fetch": `
    import createClient from "openapi-fetch";
    import type { paths } from "@agentruns/duvo-openapi";
    const c = createClient<paths>({ baseUrl: "https://api.duvo.ai" });
    export async function use(id: string) {
      const { data: run } = await c.POST("/v1/runs", { body: { agent_id: id } });
      const { data: got } = await c.GET("/v1/runs/{run_id}", { params: { path: { run_id: id } } });
      const { data: page } = await c.GET("/v1/runs", { params: { query: { limit: 100 } } });
      return [run?.run.id, got?.run?.status, page?.data.length];
    }`,
  "@agentruns/duvo": `
    import { Duvo } from "@agentruns/duvo";
    const c = new Duvo({ apiKey: "k" });
    export async function use(id: string) {
      const run = await c.runs.create({ agent_id: id });
      const got = await c.runs.get(id);
      const page = await c.runs.list({ limit: 100 });
      return [run.id, got.run?.status, page.data.length];
    }`,
};

const peerFiles = (dirs: { hey: string; orval: string }): Record<string, string> => ({
  "@hey-api/openapi-ts": `
    import { createRun, getRun, listRuns } from ${JSON.stringify(dirs.hey + "/index")};
    export async function use(id: string) {
      const { data: run } = await createRun({ body: { agent_id: id } });
      const { data: got } = await getRun({ path: { run_id: id } });
      const { data: page } = await listRuns({ query: { limit: 100 } });
      return [run?.run.id, got?.run?.status, page?.data.length];
    }`,
  orval: `
    import { createRun, getRun, listRuns } from ${JSON.stringify(dirs.orval + "/duvo")};
    export async function use(id: string) {
      const run = await createRun({ agent_id: id });
      const got = await getRun(id);
      const page = await listRuns({ limit: 100 });
      return [run.status, got.status, page.status];
    }`,
});

export async function typeCost(peers: { hey: string; orval: string }): Promise<[string, number, number][]> {
  const dir = await mkdtemp(path.join(import.meta.dirname, "..", ".types-"));
  try {
    await writeFile(path.join(dir, "empty.ts"), "export {};\n");
    const empty = (await typeCheck([path.join(dir, "empty.ts")])).instantiations;
    const out: [string, number, number][] = [];
    const bundlerEmpty = (await typeCheck([path.join(dir, "empty.ts")], { moduleResolution: "bundler" }))
      .instantiations;
    for (const [name, src] of Object.entries({ ...FILES, ...peerFiles(peers) })) {
      const peer = !(name in FILES);
      const file = path.join(dir, `${name.replace(/\W/g, "_")}.ts`);
      await writeFile(file, src);
      const { errors, instantiations } = await typeCheck([file], peer ? { moduleResolution: "bundler" } : {});
      if (!peer && errors.length) throw new Error(`${name}: ${errors.join("; ")}`);
      // Instantiations over an empty file, and the errors strict mode found (in a peer's generated code, say).
      out.push([name, instantiations - (peer ? bundlerEmpty : empty), errors.length]);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
