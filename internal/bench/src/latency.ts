// Per-call latency against the loopback server: raw fetch (the baseline), undici.request, bare openapi-fetch, the
// typed package (openapi-fetch with our auth and conventions) and the ergonomic client (validation, retries on,
// time-outs, typed errors), GET and POST with a JSON body, sequential and 32 calls in flight.
import { Duvo } from "@agentruns/duvo";
import { createClient as typedClient, type paths } from "@agentruns/duvo-openapi";
import createFetchClient from "openapi-fetch";
import { request } from "undici";
import { interleaved, type Contender, type Ratio } from "./rounds.js";

const RUN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const body = { agent_id: RUN, message: "hello" };

function contenders(base: string, method: "GET" | "POST"): Contender[] {
  const auth = { authorization: "Bearer bench-key" };
  const json = { ...auth, "content-type": "application/json" };
  const bare = createFetchClient<paths>({ baseUrl: base, headers: auth });
  const typed = typedClient({ apiKey: "bench-key", baseUrl: base, env: {} });
  const duvo = new Duvo({ apiKey: "bench-key", baseUrl: base, env: {} });
  const ok = (r: { ok?: boolean; statusCode?: number }) => {
    if (r.ok === false || (r.statusCode !== undefined && r.statusCode >= 300))
      throw new Error("bench call failed");
  };
  if (method === "GET") {
    return [
      {
        name: "raw fetch",
        run: async () => {
          const r = await fetch(`${base}/v1/runs/${RUN}`, { headers: auth });
          ok(r);
          return r.json();
        },
      },
      {
        name: "undici.request",
        run: async () => {
          const r = await request(`${base}/v1/runs/${RUN}`, { headers: auth });
          ok(r);
          return r.body.json();
        },
      },
      {
        name: "openapi-fetch",
        run: async () => {
          const r = await bare.GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
          ok(r.response);
          return r.data;
        },
      },
      {
        name: "@agentruns/duvo-openapi",
        run: async () => {
          const r = await typed.GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN } } });
          ok(r.response);
          return r.data;
        },
      },
      { name: "@agentruns/duvo", run: () => duvo.runs.get(RUN) },
    ];
  }
  const text = () => JSON.stringify(body);
  return [
    {
      name: "raw fetch",
      run: async () => {
        const r = await fetch(`${base}/v1/runs`, { method: "POST", headers: json, body: text() });
        ok(r);
        return r.json();
      },
    },
    {
      name: "undici.request",
      run: async () => {
        const r = await request(`${base}/v1/runs`, { method: "POST", headers: json, body: text() });
        ok(r);
        return r.body.json();
      },
    },
    {
      name: "openapi-fetch",
      run: async () => {
        const r = await bare.POST("/v1/runs", { body });
        ok(r.response);
        return r.data;
      },
    },
    {
      name: "@agentruns/duvo-openapi",
      run: async () => {
        const r = await typed.POST("/v1/runs", { body });
        ok(r.response);
        return r.data;
      },
    },
    { name: "@agentruns/duvo", run: () => duvo.runs.create(body) },
  ];
}

export interface LatencyResult {
  label: string;
  ratios: Ratio[];
}

export async function latency(
  base: string,
  options: { rounds: number; calls: number },
): Promise<LatencyResult[]> {
  const out: LatencyResult[] = [];
  for (const method of ["GET", "POST"] as const) {
    for (const concurrency of [1, 32]) {
      const label = `${method} ${method === "GET" ? "/v1/runs/{id}" : "/v1/runs (JSON body)"}, ${concurrency === 1 ? "sequential" : "32 in flight"}`;
      process.stderr.write(`latency: ${label}\n`);
      out.push({ label, ratios: await interleaved(contenders(base, method), { ...options, concurrency }) });
    }
  }
  return out;
}
