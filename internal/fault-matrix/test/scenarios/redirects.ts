// Redirects: followed on the configured origin; across origins, no credential (nor any custom header) goes along,
// whatever the scheme; loops and non-http targets end in an error.
import { Avido } from "../clients.js";
import { Duvo } from "../clients.js";
import { expect } from "vitest";
import { AGENT, APP, KEY, outcome, rejection, type Scenario } from "../scenario.js";

const group = "Redirects";
const RUN_BODY = { run: null, pending_human_request: null };
const LIST_BODY = { data: [], pagination: { skip: 0, limit: 25, total: 0, totalPages: 0 } };

/** Header names that would carry a credential or a caller's custom header. */
const sensitive = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((h) => /^(authorization|cookie|x-api-key|x-application-id|x-trace)$/.test(h));

export const redirects: Scenario[] = [
  {
    group,
    name: "307 to the same origin",
    promise: "followed with every header, credentials included",
    async run({ capture }) {
      capture.reset();
      capture.respondWith((req) =>
        req.pathname.startsWith("/moved")
          ? { body: RUN_BODY }
          : { status: 307, headers: { location: `/moved${req.pathname}` } },
      );
      await new Duvo({ apiKey: KEY, baseUrl: capture.url, headers: { "x-trace": "t1" } }).runs.get(AGENT);
      const [, second] = capture.requests;
      expect(second!.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(second!.headers["x-trace"]).toBe("t1");
      return "followed; credentials sent to the same origin";
    },
  },
  {
    group,
    name: "307 to another origin (Avido's x-api-key and x-application-id)",
    promise: "followed without any credential or custom header",
    async run({ capture, other }) {
      capture.reset();
      other.reset();
      other.respondWith({ body: LIST_BODY });
      capture.respondWith({ status: 307, headers: { location: `${other.url}/v0/runs` } });
      const avido = new Avido({
        apiKey: KEY,
        applicationId: APP,
        baseUrl: capture.url,
        headers: { "x-trace": "t1" },
      });
      const page = await avido.runs.list({});
      expect(page.data).toEqual([]);
      const foreign = other.only();
      expect(sensitive(foreign.headers)).toEqual([]);
      expect(JSON.stringify(foreign.headers)).not.toContain(KEY);
      expect(JSON.stringify(foreign.headers)).not.toContain(APP);
      return "followed; the other origin received no credential and no custom header";
    },
  },
  {
    group,
    name: "302 from https-configured origin to plain http elsewhere",
    promise: "credentials never sent to the plain-http target",
    async run({ capture, other }) {
      other.reset();
      other.respondWith({ body: RUN_BODY });
      // The configured origin answers over a custom fetch standing in for https; the hop goes to a real http server.
      const fetchVia = async (request: Request) => {
        const url = new URL(request.url);
        if (url.protocol === "https:") {
          return new Response(null, { status: 302, headers: { location: `${other.url}/v1/runs/${AGENT}` } });
        }
        return fetch(request);
      };
      await new Duvo({ apiKey: KEY, baseUrl: "https://api.duvo.example", fetch: fetchVia }).runs.get(AGENT);
      expect(sensitive(other.only().headers)).toEqual([]);
      void capture;
      return "followed without credentials";
    },
  },
  {
    group,
    name: "308 with a POST body to another origin",
    promise: "method and body repeated, credentials dropped",
    async run({ capture, other }) {
      capture.reset();
      other.reset();
      other.respondWith({ status: 201, body: { run: { id: AGENT } } });
      capture.respondWith({ status: 308, headers: { location: `${other.url}/v1/runs` } });
      await new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.create({ agent_id: AGENT, message: "hi" });
      const foreign = other.only();
      expect(foreign.method).toBe("POST");
      expect(JSON.parse(foreign.body)).toEqual({ agent_id: AGENT, message: "hi" });
      expect(sensitive(foreign.headers)).toEqual([]);
      return "POST repeated with its body, without credentials";
    },
  },
  {
    group,
    name: "303 after a POST",
    promise: "followed as a GET without a body, as browsers do",
    async run({ capture }) {
      capture.reset();
      capture.respondWith((req) =>
        req.method === "POST"
          ? { status: 303, headers: { location: "/v1/runs/created" } }
          : { status: 200, body: { run: { id: AGENT } } },
      );
      const run = await new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.create({ agent_id: AGENT });
      expect(run).toEqual({ id: AGENT });
      const [, get] = capture.requests;
      expect([get!.method, get!.body, get!.headers["content-type"]]).toEqual(["GET", "", undefined]);
      return "GET without body";
    },
  },
  {
    group,
    name: "foreign origin redirects back to the configured one",
    promise: "credentials stay dropped for the rest of the chain",
    async run({ capture, other }) {
      capture.reset();
      other.reset();
      capture.respondWith((req) =>
        req.pathname === "/back"
          ? { body: RUN_BODY }
          : { status: 307, headers: { location: `${other.url}/hop` } },
      );
      other.respondWith({ status: 307, headers: { location: `${capture.url}/back` } });
      await new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT);
      const back = capture.requests.find((r) => r.pathname === "/back")!;
      expect(sensitive(back.headers)).toEqual([]);
      return "no credentials after the foreign hop";
    },
  },
  {
    group,
    name: "redirect loop",
    promise: "ApiConnectionError after 5 hops",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 302, headers: { location: "/again" } });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 }).runs.get(AGENT),
      );
      expect(e.message).toBe(`Duvo GET /v1/runs/${AGENT} was redirected more than 5 times`);
      expect(capture.requests).toHaveLength(6);
      return `${outcome(e)}; 6 requests`;
    },
  },
  {
    group,
    name: "redirect to a non-http scheme",
    promise: "not followed: ApiConnectionError naming the scheme",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 302, headers: { location: "file:///etc/passwd" } });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT));
      expect(e.message).toContain("redirected to a file: URL; not followed");
      return outcome(e);
    },
  },
];
