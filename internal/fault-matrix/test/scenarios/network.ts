// Network faults: refused, reset before and mid-body, stalls, trickles, DNS failure; reads retried, creates only when
// the request provably never left.
import { Duvo } from "../clients.js";
import { httpText } from "@agentruns/testkit";
import { createServer } from "node:net";
import { expect } from "vitest";
import { AGENT, KEY, outcome, plural, rejection, until, type Scenario } from "../scenario.js";

const group = "Network";

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const fast = { baseDelayMs: 1, maxDelayMs: 5 };

export const network: Scenario[] = [
  {
    group,
    name: "connection refused, GET",
    promise:
      "retried (maxRetries 2), then ApiConnectionError that says the request never left and names ECONNREFUSED",
    async run() {
      const duvo = new Duvo({ apiKey: KEY, baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: fast });
      const e = await rejection(duvo.runs.get(AGENT));
      // fetch wraps the cause ("fetch failed (connect ECONNREFUSED …)"); undici.request reports it as is.
      expect(e.message).toMatch(
        /(fetch failed \((ECONNREFUSED: )?)?connect ECONNREFUSED 127\.0\.0\.1:\d+\)?$/,
      );
      expect(outcome(e)).toBe("ApiConnectionError (never sent) after 3 attempts");
      return outcome(e);
    },
  },
  {
    group,
    name: "connection refused, create",
    promise: "retried like a read, because a refused connection proves nothing was sent",
    async run() {
      const duvo = new Duvo({ apiKey: KEY, baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: fast });
      const e = await rejection(duvo.runs.create({ agent_id: AGENT }));
      expect(e.message).not.toContain("may have reached the server");
      expect(outcome(e)).toBe("ApiConnectionError (never sent) after 3 attempts");
      return outcome(e);
    },
  },
  {
    group,
    name: "reset before the answer, GET",
    promise: "retried; the second attempt succeeds",
    async run({ duvo: sim }) {
      sim.faults.clear();
      const run = sim.store.runs[0]!;
      sim.faults.inject({
        match: { operationId: "getRun" },
        action: { type: "reset", when: "before-handler" },
      });
      const before = sim.count("getRun");
      const got = await new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: fast }).runs.get(run.id);
      expect(got.run?.id).toBe(run.id);
      const seen = sim.count("getRun") - before;
      expect(seen).toBe(2);
      return `succeeded; the server saw ${plural(seen, "request")}`;
    },
  },
  {
    group,
    name: "reset before the answer, create",
    promise: "not retried (the client cannot know whether the run was created); the error says so",
    async run({ duvo: sim }) {
      sim.faults.clear();
      sim.faults.inject({
        match: { operationId: "createRun" },
        action: { type: "reset", when: "before-handler" },
      });
      const before = sim.count("createRun");
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: fast }).runs.create({ agent_id: AGENT }),
      );
      expect(sim.count("createRun") - before).toBe(1);
      expect(e.message).toContain("may have reached the server and taken effect");
      expect(outcome(e)).toBe("ApiConnectionError (may have been received) after 1 attempt");
      return `${outcome(e)}; 1 request sent`;
    },
  },
  {
    group,
    name: "reset mid-body after the run was created",
    promise: "not retried: exactly one run exists, and the error says the request may have taken effect",
    async run({ duvo: sim }) {
      sim.faults.clear();
      sim.faults.inject({ match: { operationId: "createRun" }, action: { type: "reset", when: "mid-body" } });
      const runs = sim.store.runs.length;
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: fast }).runs.create({ agent_id: AGENT }),
      );
      const created = sim.store.runs.length - runs;
      expect(created).toBe(1);
      expect(e.message).toContain("may have reached the server");
      expect(outcome(e)).toBe("ApiConnectionError (may have been received) after 1 attempt");
      return `${outcome(e)}; ${plural(created, "run")} created`;
    },
  },
  {
    group,
    name: "reset mid-body, GET",
    promise: "retried; the second attempt succeeds",
    async run({ duvo: sim }) {
      sim.faults.clear();
      sim.faults.inject({ match: { operationId: "listRuns" }, action: { type: "reset", when: "mid-body" } });
      const before = sim.count("listRuns");
      const page = await new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: fast }).runs.list({ limit: 5 });
      expect(page.data).toHaveLength(5);
      const seen = sim.count("listRuns") - before;
      expect(seen).toBe(2);
      return `succeeded; the server saw ${plural(seen, "request")}`;
    },
  },
  {
    group,
    name: "server stalls before answering, GET",
    promise: "each attempt ends at timeoutMs, retried, then ApiTimeoutError (attempt)",
    async run({ duvo: sim }) {
      sim.faults.clear();
      sim.faults.inject({
        match: { operationId: "getRun" },
        times: 2,
        action: { type: "stall", when: "before-handler" },
      });
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url, timeoutMs: 150, maxRetries: 1, retry: fast });
      const e = await rejection(duvo.runs.get(sim.store.runs[0]!.id));
      expect(outcome(e)).toBe("ApiTimeoutError (attempt) after 2 attempts");
      return outcome(e);
    },
  },
  {
    group,
    name: "server stalls after creating the run",
    promise: "ApiTimeoutError after one attempt, never a second create; the message says the run may exist",
    async run({ duvo: sim }) {
      sim.faults.clear();
      sim.faults.inject({
        match: { operationId: "createRun" },
        action: { type: "stall", when: "after-handler" },
      });
      const runs = sim.store.runs.length;
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url, timeoutMs: 150, retry: fast });
      const e = await rejection(duvo.runs.create({ agent_id: AGENT }));
      expect(sim.store.runs.length - runs).toBe(1);
      expect(e.message).toContain("may have reached the server");
      expect(outcome(e)).toBe("ApiTimeoutError (attempt) after 1 attempt");
      return `${outcome(e)}; 1 run created`;
    },
  },
  {
    group,
    name: "body trickles slower than the time-out",
    promise: "the per-attempt time-out covers the body: ApiTimeoutError, the socket is closed",
    async run({ raw }) {
      raw.script((socket) => {
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{");
        const id = setInterval(() => (socket.writable ? socket.write(" ") : clearInterval(id)), 40);
        socket.on("close", () => clearInterval(id));
      });
      const duvo = new Duvo({ apiKey: KEY, baseUrl: raw.url, timeoutMs: 200, maxRetries: 0 });
      const e = await rejection(duvo.runs.get(AGENT));
      expect(outcome(e)).toBe("ApiTimeoutError (attempt) after 1 attempt");
      await until(() => raw.open() === 0, 2_000);
      return `${outcome(e)}; no socket left open`;
    },
  },
  {
    group,
    name: "body trickles but completes within the time-out",
    promise: "a slow but complete answer succeeds",
    async run({ raw }) {
      const body = JSON.stringify({ run: null, pending_human_request: null });
      raw.script(async (socket) => {
        socket.write(httpText(200, "").replace(/content-length: 0/, `content-length: ${body.length}`));
        for (const ch of body) {
          socket.write(ch);
          await new Promise((r) => setTimeout(r, 2));
        }
        socket.end();
      });
      const got = await new Duvo({ apiKey: KEY, baseUrl: raw.url, timeoutMs: 5_000 }).runs.get(AGENT);
      expect(got).toEqual({ run: null, pending_human_request: null });
      return "succeeded";
    },
  },
  {
    group,
    name: "DNS failure (ENOTFOUND, as undici reports it)",
    promise: "treated as never sent: retried even for a create, then ApiConnectionError naming ENOTFOUND",
    async run() {
      let calls = 0;
      const dnsFailure = async () => {
        calls++;
        const cause = Object.assign(new Error("getaddrinfo ENOTFOUND api.duvo.invalid"), {
          code: "ENOTFOUND",
          syscall: "getaddrinfo",
          hostname: "api.duvo.invalid",
        });
        throw new TypeError("fetch failed", { cause });
      };
      const duvo = new Duvo({
        apiKey: KEY,
        baseUrl: "https://api.duvo.invalid",
        fetch: dnsFailure,
        retry: fast,
      });
      const e = await rejection(duvo.runs.create({ agent_id: AGENT }));
      expect(calls).toBe(3);
      expect(e.message).toContain("getaddrinfo ENOTFOUND api.duvo.invalid");
      expect(outcome(e)).toBe("ApiConnectionError (never sent) after 3 attempts");
      return outcome(e);
    },
  },
  {
    group,
    name: "connection closed with no answer at all",
    promise: "an empty reply is a connection error; a GET is retried",
    async run({ raw }) {
      raw.script((socket) => void socket.end());
      const before = raw.requests.length;
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: raw.url, retry: fast }).runs.get(AGENT));
      expect(raw.requests.length - before).toBe(3);
      expect(outcome(e)).toBe("ApiConnectionError (may have been received) after 3 attempts");
      return outcome(e);
    },
  },
];
