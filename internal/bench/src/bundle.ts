// Browser bundle weight (minified + gzip, esbuild) of the same three calls — create, get and list of Duvo runs —
// written with raw fetch, bare openapi-fetch, the peer generators' clients (@hey-api/openapi-ts, orval), and our
// functions over the table-less core or the full client; the same calls on a comparable resource of two
// full-featured SDKs (openai-node, Polar's Speakeasy SDK); and of one call alone.
import { browserBundle, bundleWithInputs } from "@agentruns/testkit";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const SOURCES: Record<string, string> = {
  "raw fetch": `
    const base = "https://api.duvo.ai", headers = { authorization: "Bearer k", "content-type": "application/json" };
    const call = async (method, path, body) => {
      const r = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
      if (!r.ok) throw new Error(r.status + " " + (await r.text()));
      return r.json();
    };
    export const create = (body) => call("POST", "/v1/runs", body);
    export const get = (id) => call("GET", "/v1/runs/" + encodeURIComponent(id));
    export const list = (offset = 0) => call("GET", "/v1/runs?limit=100&offset=" + offset);`,
  "openapi-fetch": `
    import createClient from "openapi-fetch";
    const c = createClient({ baseUrl: "https://api.duvo.ai", headers: { authorization: "Bearer k" } });
    export const create = (body) => c.POST("/v1/runs", { body });
    export const get = (id) => c.GET("/v1/runs/{run_id}", { params: { path: { run_id: id } } });
    export const list = (offset) => c.GET("/v1/runs", { params: { query: { limit: 100, offset } } });`,
  "@agentruns/duvo (functions)": `
    import { DuvoCore, runsCreate, runsGet, runsList } from "@agentruns/duvo";
    const c = new DuvoCore({ apiKey: "k" });
    export const create = (body) => runsCreate(c, body);
    export const get = (id) => runsGet(c, id);
    export const list = () => runsList(c);`,
  "@agentruns/duvo (full client)": `
    import { Duvo } from "@agentruns/duvo";
    const c = new Duvo({ apiKey: "k" });
    export const create = (body) => c.runs.create(body);
    export const get = (id) => c.runs.get(id);
    export const list = () => c.runs.list();`,
};

/**
 * Full-featured SDKs of other generators, the same three calls on a comparable resource: openai-node (Stainless)
 * through its client, and Polar's SDK (Speakeasy) in its standalone-function form, its lightest.
 */
const FULL_FEATURED_THREE: Record<string, string> = {
  "openai (Stainless)": `
    import OpenAI from "openai";
    const c = new OpenAI({ apiKey: "k", dangerouslyAllowBrowser: true });
    export const create = (body) => c.batches.create(body);
    export const get = (id) => c.batches.retrieve(id);
    export const list = () => c.batches.list();`,
  "@polar-sh/sdk (Speakeasy, standalone functions)": `
    import { PolarCore } from "@polar-sh/sdk/core.js";
    import { customersCreate } from "@polar-sh/sdk/funcs/customersCreate.js";
    import { customersGet } from "@polar-sh/sdk/funcs/customersGet.js";
    import { customersList } from "@polar-sh/sdk/funcs/customersList.js";
    const c = new PolarCore({ accessToken: "k" });
    export const create = (body) => customersCreate(c, body);
    export const get = (id) => customersGet(c, { id });
    export const list = () => customersList(c, {});`,
};
const FULL_FEATURED_ONE: Record<string, string> = {
  "openai (Stainless)": `import OpenAI from "openai"; const c = new OpenAI({ apiKey: "k", dangerouslyAllowBrowser: true }); export const get = (id) => c.batches.retrieve(id);`,
  "@polar-sh/sdk (Speakeasy, standalone functions)": `import { PolarCore } from "@polar-sh/sdk/core.js"; import { customersGet } from "@polar-sh/sdk/funcs/customersGet.js"; const c = new PolarCore({ accessToken: "k" }); export const get = (id) => customersGet(c, { id });`,
};
const ONE: Record<string, string> = {
  "raw fetch": `export const get = async (id) => (await fetch("https://api.duvo.ai/v1/runs/" + encodeURIComponent(id), { headers: { authorization: "Bearer k" } })).json();`,
  "openapi-fetch": `import createClient from "openapi-fetch"; const c = createClient({ baseUrl: "https://api.duvo.ai" }); export const get = (id) => c.GET("/v1/runs/{run_id}", { params: { path: { run_id: id } } });`,
  "@agentruns/duvo (functions)": `import { DuvoCore, runsGet } from "@agentruns/duvo"; const c = new DuvoCore({ apiKey: "k" }); export const get = (id) => runsGet(c, id);`,
};

/** The peers' sources, from their generated directories (.peers/). */
function peerSources(dirs: { hey: string; orval: string }) {
  const hey = JSON.stringify(dirs.hey + "/index.ts");
  const orval = JSON.stringify(dirs.orval + "/duvo.ts");
  return {
    three: {
      "@hey-api/openapi-ts": `
        import { createRun, getRun, listRuns } from ${hey};
        export const create = (body) => createRun({ body });
        export const get = (id) => getRun({ path: { run_id: id } });
        export const list = (offset) => listRuns({ query: { limit: 100, offset } });`,
      orval: `
        import { createRun, getRun, listRuns } from ${orval};
        export const create = (body) => createRun(body);
        export const get = (id) => getRun(id);
        export const list = (offset) => listRuns({ limit: 100, offset });`,
    },
    one: {
      "@hey-api/openapi-ts": `import { getRun } from ${hey}; export const get = (id) => getRun({ path: { run_id: id } });`,
      orval: `import { getRun } from ${orval}; export const get = (id) => getRun(id);`,
    },
  };
}

async function gzipped(contents: string): Promise<number> {
  return gzipSync(await browserBundle(contents, import.meta.dirname), { level: 9 }).length;
}

export async function bundles(peers: {
  hey: string;
  orval: string;
}): Promise<{ threeCalls: [string, number][]; oneCall: [string, number][] }> {
  const extra = peerSources(peers);
  const threeCalls: [string, number][] = [];
  for (const [name, src] of Object.entries({ ...SOURCES, ...extra.three, ...FULL_FEATURED_THREE }))
    threeCalls.push([name, await gzipped(src)]);
  const oneCall: [string, number][] = [];
  for (const [name, src] of Object.entries({ ...ONE, ...extra.one, ...FULL_FEATURED_ONE }))
    oneCall.push([name, await gzipped(src)]);
  return { threeCalls, oneCall };
}

/**
 * What a bundled module holds: the first sentence of its source's header comment (every source file opens with one
 * saying why it exists), so the table cannot drift from the code.
 */
function holds(pkg: string, module: string): string {
  const source = path.resolve(
    import.meta.dirname,
    "../../../packages",
    pkg,
    "src",
    module.replace(/\.js$/, ".ts"),
  );
  let lines: string[];
  try {
    lines = readFileSync(source, "utf8").split("\n");
  } catch {
    return "";
  }
  const comment = lines.slice(
    0,
    lines.findIndex((l) => !l.startsWith("//")),
  );
  const text = comment.map((l) => l.replace(/^\/\/\s*/, "")).join(" ");
  const end = text.search(/[.:;](\s|$)/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\|/g, "\\|");
}

/**
 * Where the minified bytes of our one-call bundle come from, module by module (gzip works on the whole, so a
 * module's share of the gzipped size is roughly its share of these).
 */
export async function oneCallBreakdown(): Promise<{ module: string; bytes: number; holds: string }[]> {
  const { inputs } = await bundleWithInputs(ONE["@agentruns/duvo (functions)"]!, import.meta.dirname);
  return inputs.map(([file, bytes]) => {
    const m = /packages\/([^/]+)\/dist\/(.+)$/.exec(file);
    const name = m ? `@agentruns/${m[1]} ${m[2]}` : file;
    return {
      module: name,
      bytes,
      holds: m ? holds(m[1]!, m[2]!) : "",
    };
  });
}
