// Cancellation at every stage of a call — before it starts, waiting for headers, reading the body, waiting to retry,
// between pages — ends it promptly with nothing left behind: no timer, no open socket, no listener.
import { Duvo } from "../clients.js";
import { getEventListeners } from "node:events";
import { expect } from "vitest";
import { AGENT, KEY, outcome, rejection, until, type Scenario } from "../scenario.js";

const group = "Cancellation";

/** Timers alive in this process (vitest's own included, so scenarios compare before and after). */
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 30));
}

export const cancellation: Scenario[] = [
  {
    group,
    name: "signal already aborted",
    promise: "ApiAbortError before any request; no timer started",
    async run({ capture }) {
      capture.reset();
      const before = timers();
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT, { signal: AbortSignal.abort() }),
      );
      expect(capture.requests).toHaveLength(0);
      expect(timers()).toBeLessThanOrEqual(before);
      expect(outcome(e)).toBe("ApiAbortError after 0 attempts");
      return `${outcome(e)}; 0 requests`;
    },
  },
  {
    group,
    name: "abort while waiting for the answer",
    promise: "ApiAbortError at once (well before the time-out); the socket is closed and the timer cleared",
    async run({ raw }) {
      raw.script(() => {}); // never answers
      const before = timers();
      const controller = new AbortController();
      const call = new Duvo({ apiKey: KEY, baseUrl: raw.url, timeoutMs: 30_000 }).runs.get(AGENT, {
        signal: controller.signal,
      });
      await until(() => raw.requests.length > 0 && raw.open() > 0);
      const started = Date.now();
      controller.abort(new Error("user cancelled"));
      const e = await rejection(call);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((e.cause as Error).message).toBe("user cancelled");
      await until(() => raw.open() === 0);
      await settle();
      expect(timers()).toBeLessThanOrEqual(before);
      return `${outcome(e)}; socket closed, no timer left`;
    },
  },
  {
    group,
    name: "abort while the body is arriving",
    promise: "ApiAbortError; the half-read response is dropped and its socket closed",
    async run({ raw }) {
      raw.script((socket) => {
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"run":',
        );
      });
      const controller = new AbortController();
      const call = new Duvo({ apiKey: KEY, baseUrl: raw.url }).runs.get(AGENT, { signal: controller.signal });
      await until(() => raw.requests.length > 0);
      await settle();
      controller.abort();
      const e = await rejection(call);
      await until(() => raw.open() === 0);
      return `${outcome(e)}; socket closed`;
    },
  },
  {
    group,
    name: "abort during the wait before a retry",
    promise: "the wait ends at once: ApiAbortError after the one attempt made",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 503, headers: { "retry-after": "20" }, body: {} });
      const before = timers();
      const controller = new AbortController();
      const call = new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT, {
        signal: controller.signal,
      });
      await until(() => capture.requests.length === 1);
      await settle();
      const started = Date.now();
      controller.abort();
      const e = await rejection(call);
      expect(Date.now() - started).toBeLessThan(2_000); // the server asked for 20 s
      expect(capture.requests).toHaveLength(1);
      await settle();
      expect(timers()).toBeLessThanOrEqual(before);
      return `${outcome(e)}; no timer left`;
    },
  },
  {
    group,
    name: "deadline passes during retries",
    promise: "ApiTimeoutError (deadline) ends the call, whatever retries were left",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 503, headers: { "retry-after-ms": "400" }, body: {} });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, maxRetries: 10, deadlineMs: 1_500 }).runs.get(AGENT),
      );
      expect(e.name).toBe("ApiTimeoutError");
      expect((e as Error & { kind: string }).kind).toBe("deadline");
      expect(capture.requests.length).toBeGreaterThanOrEqual(2);
      expect(capture.requests.length).toBeLessThanOrEqual(4);
      return "ApiTimeoutError (deadline) after 2–4 attempts";
    },
  },
  {
    group,
    name: "abort between pages of a walk",
    promise:
      "the walk ends with ApiAbortError when it needs the next page; the page in hand is finished, nothing more is asked for",
    async run({ duvo: sim }) {
      sim.faults.clear();
      const controller = new AbortController();
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url });
      const before = sim.count("listRuns");
      const seen: string[] = [];
      const e = await rejection(
        (async () => {
          for await (const run of duvo.runs.list({ limit: 10 }, { signal: controller.signal })) {
            seen.push(run.id);
            if (seen.length === 15) controller.abort();
          }
        })(),
      );
      expect(seen).toHaveLength(20);
      expect(sim.count("listRuns") - before).toBe(2);
      return `${outcome(e)}; aborted at item 15, 20 items yielded, 2 pages requested`;
    },
  },
  {
    group,
    name: "a long-lived signal shared by 1,000 calls",
    promise: "one listener on the signal however many calls use it, none left after they finish",
    async run({ duvo: sim }) {
      const controller = new AbortController();
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url, maxRetries: 0 });
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on("warning", onWarning);
      let peak = 0;
      const calls = Array.from({ length: 1_000 }, () =>
        duvo.runs.list({ limit: 1 }, { signal: controller.signal }).then(() => {
          peak = Math.max(peak, getEventListeners(controller.signal, "abort").length);
        }),
      );
      await Promise.all(calls);
      await settle();
      process.off("warning", onWarning);
      expect(peak).toBe(1);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      expect(warnings).toEqual([]);
      return "1 listener at peak, 0 after, no warnings";
    },
  },
];
