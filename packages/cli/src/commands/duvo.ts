// `agentruns duvo runs …`: Duvo's own CLI's commands (start, get, messages, send-message, respond, stop) and more.
import { sleep } from "@agentruns/core";
import { TERMINAL_STATUSES, type Duvo, type GetRunResponse, type Message } from "@agentruns/duvo";
import { Option } from "commander";
import { Cmd as Command } from "../command.js";
import type { Context } from "../context.js";
import { UsageError } from "../exit-codes.js";
import { write, writeJson } from "../output.js";
import { runsProviderById } from "../providers.js";
import { splitPair } from "../spec-flags.js";
import { parseDuration } from "../time.js";
import { providerList } from "./list.js";

const duvoProvider = runsProviderById("duvo")!;

interface FollowOpts {
  json?: boolean;
  /** Always set: the option has a default. */
  interval: string;
}

const intervalOption = () =>
  new Option("--interval <duration>", "time between polls while following (500ms, 5s)").default("2s");

export function duvoCommands(ctx: () => Context, base: Command): void {
  const runs = base.command("runs").description("Duvo agent runs");
  const client = () => {
    const c = ctx();
    return { c, duvo: c.client(duvoProvider) as Duvo, out: c.io.stdout, signal: c.io.signal };
  };

  runs
    .command("start")
    .description("start a run of an agent")
    .requiredOption("--agent <id>", "the agent's id (a UUID)")
    .option("--message <text>", "the first message to the agent")
    .option("--sandbox <id>", "the sandbox to run in")
    .option("--webhook-url <url>", "where Duvo posts the run's events")
    .option("--follow", "print the run's messages and status changes until it ends")
    .addOption(intervalOption())
    .option("--json", "JSON (with --follow: one JSON object per line)")
    .addHelpText(
      "after",
      '\nExample:\n  agentruns duvo runs start --agent 0f8fad5b-d9cb-469f-a165-70867728950e --message "Refund order 1042" --follow',
    )
    .action(
      async (
        opts: FollowOpts & {
          agent: string;
          message?: string;
          sandbox?: string;
          webhookUrl?: string;
          follow?: boolean;
        },
      ) => {
        const { c, duvo, out, signal } = client();
        const interval = parseDuration(opts.interval, "--interval");
        const run = await duvo.runs.create(
          {
            agent_id: opts.agent,
            ...(opts.message !== undefined ? { message: opts.message } : {}),
            ...(opts.sandbox !== undefined ? { sandbox_id: opts.sandbox } : {}),
            ...(opts.webhookUrl !== undefined ? { webhook_url: opts.webhookUrl } : {}),
          },
          { signal },
        );
        // With --follow, --json is a stream of events (JSON Lines); without, the run itself.
        if (!opts.json) await write(out, `Started run ${run.id} (${run.status})\n`);
        else if (opts.follow) await write(out, `${JSON.stringify({ event: "run", run })}\n`);
        else await writeJson(out, run);
        if (opts.follow) await follow(c, duvo, run.id, interval, opts.json, run.status);
        return 0;
      },
    );

  runs
    .command("get <run-id>")
    .description("a run's state and the human request it waits on, if any")
    .option("--json", "the API's answer as JSON")
    .addHelpText("after", "\nExample:\n  agentruns duvo runs get 3b241101-e2bb-4255-8caf-4136c566a962 --json")
    .action(async (runId: string, opts: { json?: boolean }) => {
      const { duvo, out, signal } = client();
      const state = await duvo.runs.get(runId, { signal });
      if (opts.json) await writeJson(out, state);
      else await write(out, describeState(runId, state));
      return 0;
    });

  providerList(duvoProvider, ctx, runs);

  runs
    .command("messages <run-id>")
    .description("a run's messages, oldest first")
    .option("--follow", "keep printing new messages and status changes until the run ends")
    .addOption(intervalOption())
    .option("--json", "JSON Lines: one message per line")
    .addHelpText(
      "after",
      "\nExample:\n  agentruns duvo runs messages 3b241101-e2bb-4255-8caf-4136c566a962 --follow",
    )
    .action(async (runId: string, opts: FollowOpts & { follow?: boolean }) => {
      const { c, duvo, out, signal } = client();
      if (opts.follow) {
        await follow(c, duvo, runId, parseDuration(opts.interval, "--interval"), opts.json);
        return 0;
      }
      for await (const m of duvo.runs.messages.list(runId, { limit: 50 }, { signal }))
        await write(out, opts.json ? `${JSON.stringify(m)}\n` : formatMessage(m));
      return 0;
    });

  runs
    .command("send-message <run-id> [text]")
    .description("post a message to a run (resumes a waiting, completed or interrupted run)")
    .option("--message <text>", "the message (instead of the argument)")
    .option("--json", "the API's answer as JSON")
    .addHelpText(
      "after",
      '\nExample:\n  agentruns duvo runs send-message 3b241101-e2bb-4255-8caf-4136c566a962 "Also email the customer"',
    )
    .action(async (runId: string, text: string | undefined, opts: { message?: string; json?: boolean }) => {
      const message = opts.message ?? text;
      if (message === undefined)
        throw new UsageError("send-message needs the message: an argument or --message");
      const { duvo, out, signal } = client();
      const sent = await duvo.runs.messages.create(runId, { message }, { signal });
      if (opts.json) await writeJson(out, sent);
      else await write(out, `Sent to run ${runId}\n`);
      return 0;
    });

  runs
    .command("respond <run-id>")
    .description("answer the human request a run waits on")
    .option("--request <id>", "the request's id (default: the run's pending request)")
    .option("--approve", "approve (approval requests)")
    .option("--deny", "deny (approval requests)")
    .option(
      "--answer <question=text>",
      "answer a question, by its number or its text (question requests); repeatable",
      (text: string, previous: Record<string, string> | undefined) => {
        const pair = splitPair(text);
        if (!pair) throw new UsageError(`--answer must be question=text, got "${text}"`);
        return { ...previous, [pair[0]]: pair[1] };
      },
    )
    .option("--json", "the API's answer as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  agentruns duvo runs respond 3b241101-e2bb-4255-8caf-4136c566a962 --approve\n  agentruns duvo runs respond 3b241101-e2bb-4255-8caf-4136c566a962 --answer 1=Berlin --answer "Which regions apply?=EU"',
    )
    .action(
      async (
        runId: string,
        opts: {
          request?: string;
          approve?: boolean;
          deny?: boolean;
          answer?: Record<string, string>;
          json?: boolean;
        },
      ) => {
        const modes = [opts.approve, opts.deny, opts.answer].filter((m) => m !== undefined).length;
        if (modes !== 1) throw new UsageError("respond needs exactly one of --approve, --deny or --answer");
        const { duvo, out, signal } = client();
        let requestId = opts.request;
        let answers = opts.answer;
        const numbered = answers && Object.keys(answers).some((k) => /^\d+$/.test(k));
        if (requestId === undefined || numbered) {
          const state = await duvo.runs.get(runId, { signal });
          const pending = state.pending_human_request;
          requestId ??= pending?.id;
          if (!requestId || !pending)
            throw new Error(
              `run ${runId} has no pending human request (status: ${state.run?.status ?? "gone"})`,
            );
          // `--answer 2=Berlin`: the second question, as `follow` and `get` number them.
          if (numbered) answers = byNumber(answers!, pending.questions ?? []);
        }
        const body = answers ? { answers } : { approved: !!opts.approve };
        const answered = await duvo.runs.humanRequests.respond(runId, requestId, body, { signal });
        if (opts.json) await writeJson(out, answered);
        else await write(out, `Answered "${answered.title}": ${answered.response}\n`);
        return 0;
      },
    );

  runs
    .command("stop <run-id>")
    .description("stop a run (nothing happens if it is not running)")
    .option("--json", "the API's answer as JSON")
    .addHelpText("after", "\nExample:\n  agentruns duvo runs stop 3b241101-e2bb-4255-8caf-4136c566a962")
    .action(async (runId: string, opts: { json?: boolean }) => {
      const { duvo, out, signal } = client();
      const stopped = await duvo.runs.stop(runId, { signal });
      if (opts.json) await writeJson(out, stopped);
      else await write(out, `${stopped.message ?? (stopped.success ? "Stopped" : "Not stopped")}\n`);
      return 0;
    });

  runs
    .command("wait <run-id>")
    .description("wait until the run ends or needs a human, then print its state")
    .option("--interval <duration>", "time between polls (default: Duvo's guidance, 5 s then slower)")
    .option("--timeout <duration>", "give up after this long (exit 1)")
    .option("--json", "the last state as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  agentruns duvo runs wait 3b241101-e2bb-4255-8caf-4136c566a962 --timeout 10m",
    )
    .action(async (runId: string, opts: { interval?: string; timeout?: string; json?: boolean }) => {
      const { duvo, out, signal } = client();
      const state = await duvo.runs.waitFor(runId, {
        signal,
        ...(opts.interval ? { intervalMs: parseDuration(opts.interval, "--interval") } : {}),
        ...(opts.timeout ? { timeoutMs: parseDuration(opts.timeout, "--timeout") } : {}),
      });
      if (opts.json) await writeJson(out, state);
      else await write(out, describeState(runId, state));
      return 0;
    });
}

function describeState(runId: string, state: GetRunResponse): string {
  const run = state.run;
  if (!run) return `Run ${runId} does not exist any more\n`;
  const lines = [
    `Run ${run.id}`,
    `  status    ${run.status}`,
    `  agent     ${run.agent_id}`,
    `  created   ${run.created_at}`,
    ...(run.started_at ? [`  started   ${run.started_at}`] : []),
    ...(run.completed_at ? [`  completed ${run.completed_at}`] : []),
  ];
  const request = state.pending_human_request;
  if (request) lines.push(...describeRequest(run.id, request));
  return `${lines.join("\n")}\n`;
}

function describeRequest(
  runId: string,
  request: NonNullable<GetRunResponse["pending_human_request"]>,
): string[] {
  const lines = [`  needs a human (${request.type}): ${request.title}`];
  if (request.description) lines.push(`    ${request.description}`);
  for (const [i, q] of (request.questions ?? []).entries())
    lines.push(
      `    ${i + 1}. ${q.question}${q.options?.length ? ` [${q.options.map((o) => o.label).join(" | ")}]` : ""}`,
    );
  lines.push(
    request.type === "approval"
      ? `  answer: agentruns duvo runs respond ${runId} --approve   (or --deny)`
      : `  answer: agentruns duvo runs respond ${runId} --answer "1=<answer>"   (one --answer per question)`,
  );
  return lines;
}

/** Answers keyed by question number (1-based) re-keyed by the question's text, which the API expects. */
function byNumber(answers: Record<string, string>, questions: readonly { question: string }[]) {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(answers)) {
    if (!/^\d+$/.test(key)) {
      out[key] = text;
      continue;
    }
    const q = questions[Number(key) - 1];
    if (!q)
      throw new UsageError(
        `--answer ${key}=…: the request has ${questions.length} question${questions.length === 1 ? "" : "s"}`,
      );
    out[q.question] = text;
  }
  return out;
}

const formatMessage = (m: Message): string =>
  `${m.timestamp.slice(11, 19)} ${m.role.padEnd(9)} ${m.text_content ?? (m.tool_call ? `[tool ${m.tool_call.name}]` : `[${m.type}]`)}\n`;

/**
 * Prints a run's new messages, status changes and human requests as they appear, until the run ends. The state is
 * read before the messages, so the messages printed last include everything up to the end.
 */
async function follow(
  ctx: Context,
  duvo: Duvo,
  runId: string,
  intervalMs: number,
  json: boolean | undefined,
  status?: string,
) {
  const { stdout: out, signal } = ctx.io;
  const line = (event: Record<string, unknown>, text: string) =>
    write(out, json ? `${JSON.stringify(event)}\n` : text);
  let printed = 0;
  const announced = new Set<string>();
  let last = status;
  for (;;) {
    const state = await duvo.runs.get(runId, { signal });
    let index = 0;
    for await (const m of duvo.runs.messages.list(runId, { limit: 50, offset: printed }, { signal })) {
      index++;
      await line({ event: "message", message: m }, formatMessage(m));
    }
    printed += index;
    const run = state.run;
    if (!run) {
      await line({ event: "gone", run_id: runId }, `Run ${runId} does not exist any more\n`);
      return;
    }
    if (run.status !== last) {
      last = run.status;
      await line({ event: "status", status: run.status }, `— status: ${run.status}\n`);
    }
    const request = state.pending_human_request;
    if (request && !announced.has(request.id)) {
      announced.add(request.id);
      await line({ event: "human_request", request }, `${describeRequest(runId, request).join("\n")}\n`);
    }
    if ((TERMINAL_STATUSES as readonly string[]).includes(run.status)) return;
    await sleep(intervalMs, signal);
  }
}
