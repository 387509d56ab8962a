// Credentials never appear in any form of an error or a log line, even when the server or the transport echoes them.
import { Avido } from "../clients.js";
import { Duvo } from "../clients.js";
import { inspect } from "node:util";
import { expect } from "vitest";
import { AGENT, APP, KEY, rejection, type Scenario } from "../scenario.js";

const group = "Secrets";

/** Every form a user might print an error in. */
function everyForm(e: Error): string {
  const fields = Object.fromEntries(
    Object.getOwnPropertyNames(e).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]),
  );
  const headers = (e as { headers?: Headers }).headers;
  return [
    e.message,
    String(e),
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    inspect(fields, { depth: 10 }),
    headers ? JSON.stringify([...headers.entries()]) : "",
  ].join("\n");
}

export const secrets: Scenario[] = [
  {
    group,
    name: "key echoed in x-request-id, another header and the error body",
    promise: "redacted in message, requestId, headers, body, JSON and util.inspect",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        status: 401,
        headers: { "x-request-id": KEY, "x-echo": `Bearer ${KEY}` },
        body: { error: "Unauthorized", message: `key ${KEY} is revoked` },
      });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT));
      const all = everyForm(e);
      expect(all).not.toContain(KEY);
      expect((e as unknown as { requestId: string }).requestId).toBe("[redacted]");
      expect((e as unknown as { headers: Headers }).headers.get("x-echo")).toBe("Bearer [redacted]");
      return "no form of the error contains the key";
    },
  },
  {
    group,
    name: "Avido's two credentials echoed back",
    promise: "both redacted",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        status: 403,
        headers: { "x-request-id": APP },
        body: { message: `${KEY}/${APP}` },
      });
      const e = await rejection(
        new Avido({ apiKey: KEY, applicationId: APP, baseUrl: capture.url }).runs.list({}),
      );
      const all = everyForm(e);
      expect(all).not.toContain(KEY);
      expect(all).not.toContain(APP);
      return "neither credential appears";
    },
  },
  {
    group,
    name: "transport error whose message and cause carry the key",
    promise: "the cause chain is a redacted copy that keeps `code`; the key appears nowhere",
    async run() {
      const leaky = async () => {
        const cause = Object.assign(new Error(`connect failed for https://x?key=${KEY}`), {
          code: "ECONNRESET",
        });
        throw new TypeError(`fetch failed: ${encodeURIComponent(KEY)}`, { cause });
      };
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: "https://api.duvo.example", fetch: leaky, maxRetries: 0 }).runs.get(
          AGENT,
        ),
      );
      expect(everyForm(e)).not.toContain(KEY);
      expect(everyForm(e)).not.toContain(encodeURIComponent(KEY));
      expect(((e.cause as Error).cause as { code: string }).code).toBe("ECONNRESET");
      return "redacted everywhere, ECONNRESET kept";
    },
  },
  {
    group,
    name: "debug logging of a failing, retried call",
    promise: "no log line or metadata contains the key",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 503, headers: { "x-request-id": KEY }, body: { message: KEY } });
      const lines: string[] = [];
      const log = (m: string, meta?: unknown) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`);
      const logger = { debug: log, info: log, warn: log, error: log };
      await rejection(
        new Duvo({
          apiKey: KEY,
          baseUrl: capture.url,
          logger,
          logLevel: "debug",
          retry: { baseDelayMs: 1, maxDelayMs: 2 },
        }).runs.get(AGENT),
      );
      expect(lines.length).toBeGreaterThanOrEqual(6);
      expect(lines.join("\n")).not.toContain(KEY);
      return `${lines.length} log lines, none with the key`;
    },
  },
];
