// Duvo's hand-written tools, where the API alone is awkward for a model: `duvo_runs_wait` (poll until the run ends or
// asks for a human, with progress), and the respond tool's description showing what the run is waiting on.
import { ApiTimeoutError, type BaseClient } from "@agentruns/core";
import { waitForRun, type DuvoCore, type GetRunResponse } from "@agentruns/duvo";
import type { ProviderExtras } from "../catalog.js";

/** The generated tool that answers a human request: its description gains the pending requests. */
const RESPOND = "duvo_runs_human_requests_respond";
const MAX_WAIT_S = 600;
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

type Pending = NonNullable<GetRunResponse["pending_human_request"]>;

/** How to answer `request` with the respond tool: its questions and options, or approve / deny. */
export function howToAnswer(runId: string, request: Pending): string {
  const call = `${RESPOND} with run_id "${runId}" and request_id "${request.id}"`;
  const head = `Run ${runId} waits on the human request "${request.title}"${request.description ? ` (${request.description})` : ""}.`;
  if (request.type === "approval" || !request.questions?.length) {
    return `${head} Answer it with ${call} and approved: true or false.`;
  }
  const questions = request.questions.map((q) => {
    const options = q.options?.length
      ? ` Options: ${q.options.map((o) => `"${o.label}"${o.description ? ` (${o.description})` : ""}`).join(", ")}${q.multi_select ? " (several allowed, comma-separated)" : ""}.`
      : "";
    return `- "${q.question}"${options}`;
  });
  return `${head} Answer it with ${call} and answers: { "<question>": "<answer>" } for:\n${questions.join("\n")}`;
}

/** The Duvo extras of one server: the pending requests it has seen are its own state. */
export function duvoExtras(): ProviderExtras {
  const pending = new Map<string, Pending>();
  return {
    tools: [
      {
        spec: {
          name: "duvo_runs_wait",
          title: "Wait for a run",
          description:
            "Wait until a Duvo run ends (completed, failed, stopped, interrupted) or stops to ask a human, for at most timeout_seconds; " +
            "sends progress notifications while it waits. Returns the run and, when it waits on a human, the pending request with how to answer it.",
          inputSchema: {
            type: "object",
            properties: {
              run_id: { type: "string", format: "uuid", pattern: UUID, description: "The run to wait for." },
              timeout_seconds: {
                type: "integer",
                minimum: 1,
                maximum: MAX_WAIT_S,
                default: 60,
                description:
                  "Longest wait; when it passes the run's current state is returned with settled: false.",
              },
            },
            required: ["run_id"],
          },
          outputSchema: {
            type: "object",
            properties: {
              settled: { type: "boolean", description: "True when the run ended or waits on a human." },
              run: { type: "object" },
              pending_human_request: { type: ["object", "null"] },
            },
            required: ["settled"],
          },
          annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
        },
        async call(client: BaseClient<any>, args, context) {
          const runId = args.run_id;
          const timeout = args.timeout_seconds ?? 60;
          if (
            typeof timeout !== "number" ||
            !Number.isInteger(timeout) ||
            timeout < 1 ||
            timeout > MAX_WAIT_S
          )
            throw new TypeError(
              `timeout_seconds must be a whole number from 1 to ${MAX_WAIT_S}, got ${JSON.stringify(timeout)}`,
            );
          const unknown = Object.keys(args).filter((k) => k !== "run_id" && k !== "timeout_seconds");
          if (unknown.length)
            throw new TypeError(`duvo_runs_wait takes run_id and timeout_seconds, not ${unknown.join(", ")}`);
          const started = Date.now();
          let last: GetRunResponse | undefined;
          let settled = true;
          try {
            last = await waitForRun(client as DuvoCore, runId as string, {
              timeoutMs: timeout * 1000,
              signal: context.signal,
              ...(context.pollIntervalMs ? { intervalMs: context.pollIntervalMs } : {}),
              onUpdate: (state) => {
                last = state;
                void context.progress(
                  Math.min(timeout, (Date.now() - started) / 1000),
                  timeout,
                  `run ${state.run?.status ?? "unknown"}`,
                );
              },
            });
          } catch (e) {
            if (!(e instanceof ApiTimeoutError && e.kind === "deadline" && last)) throw e;
            settled = false;
          }
          const request = last!.pending_human_request ?? null;
          const listChanged = request ? !pending.has(runId as string) : pending.delete(runId as string);
          if (request) pending.set(runId as string, request);
          return {
            data: { settled, ...last },
            listChanged,
            note: request
              ? howToAnswer(runId as string, request)
              : settled
                ? undefined
                : `Run ${runId} is still ${last!.run?.status}: call duvo_runs_wait again to keep waiting.`,
          };
        },
      },
    ],
    describe(name) {
      if (name !== RESPOND || !pending.size) return undefined;
      return [...pending].map(([runId, request]) => howToAnswer(runId, request)).join("\n\n");
    },
    after(name, args, ok) {
      if (name !== RESPOND || !ok || typeof args.run_id !== "string") return false;
      return pending.delete(args.run_id);
    },
  };
}
