// Browser bundle weight (minified + gzip, esbuild) of the same three calls — create, get and list of Duvo runs —
// written with raw fetch, bare openapi-fetch, the peer generators' clients (@hey-api/openapi-ts, orval), and our
// functions over the table-less core or the full client; and of one call alone.
import { browserBundle, bundleWithInputs } from "@agentruns/testkit";
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
  for (const [name, src] of Object.entries({ ...SOURCES, ...extra.three }))
    threeCalls.push([name, await gzipped(src)]);
  const oneCall: [string, number][] = [];
  for (const [name, src] of Object.entries({ ...ONE, ...extra.one }))
    oneCall.push([name, await gzipped(src)]);
  return { threeCalls, oneCall };
}

/** What each module of the core holds (its README's map), for the one-call breakdown. */
const HOLDS: Record<string, string> = {
  "client.js": "options, credentials, the call loop: retries, time-outs, typed errors",
  "validate.js": "input checked against the spec before any I/O",
  "options.js": "options checked where they are given",
  "errors.js": "the error classes",
  "signals.js": "per-attempt time-out, deadline, the caller's signal",
  "redirects.js": "redirects followed so credentials stay on their origin",
  "wire.js": "URL, query string and credentials from the operation",
  "bodies.js": "request bodies and answers by media type",
  "redact.js": "credentials out of errors and causes",
  "rate-limit.js": "client-side rate limiting",
  "retry.js": "which failures are retried, server wait hints, backoff",
  "logging.js": "log lines, credentials redacted",
  "api-promise.js": "the promise every call returns",
};

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
      holds: (m?.[1] === "core" && HOLDS[m[2]!]) || (m ? "generated for Duvo" : ""),
    };
  });
}
