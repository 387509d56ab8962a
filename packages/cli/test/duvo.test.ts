// `agentruns duvo runs …`: every command against the Duvo simulator, --follow through a human request, Ctrl-C.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, simulators, start, type Sims } from "./cli.js";

const APPROVER = "0f8fad5b-d9cb-469f-a165-70867728950e";
const ASKER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const STRAIGHT = "16fd2706-8baf-433b-82eb-8c7fada847da";

let sims: Sims;
beforeAll(async () => {
  sims = await simulators({
    runs: 40,
    rateLimit: false,
    duvoAgents: {
      [ASKER]: { asks: "question", stepMs: 150 },
      [STRAIGHT]: { asks: "none", stepMs: 100 },
    },
  });
});
afterAll(() => sims.close());

const duvo = (args: string[]) => run(["duvo", "runs", ...args], sims.env);

describe("agentruns duvo runs", () => {
  it("start, get, wait, respond --approve, send-message, messages, stop", async () => {
    const started = await duvo(["start", "--agent", APPROVER, "--message", "Refund order 1042", "--json"]);
    expect(started.code).toBe(0);
    const run = JSON.parse(started.stdout) as { id: string; status: string };
    expect(run.status).toBe("pending");
    expect(sims.duvo.count("createRun")).toBe(1);

    const waited = await duvo(["wait", run.id, "--interval", "100ms", "--json"]);
    expect(waited.code).toBe(0);
    const state = JSON.parse(waited.stdout);
    expect(state.run.status).toBe("waiting");
    expect(state.pending_human_request.type).toBe("approval");

    const got = await duvo(["get", run.id]);
    expect(got.stdout).toContain(`Run ${run.id}\n  status    waiting`);
    expect(got.stdout).toContain(`answer: agentruns duvo runs respond ${run.id} --approve`);

    const answered = await duvo(["respond", run.id, "--approve"]);
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(/^Answered ".+": approved\n$/);
    const again = await duvo(["respond", run.id, "--approve"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/has no pending human request/);

    const done = await duvo(["wait", run.id, "--interval", "100ms"]);
    expect(done.stdout).toContain("status    completed");

    const sent = await duvo(["send-message", run.id, "Also email the customer"]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toBe(`Sent to run ${run.id}\n`);

    const messages = await duvo(["messages", run.id, "--json"]);
    const list = messages.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(list[0].text_content).toBe("Refund order 1042");
    expect(list.map((m: { text_content?: string }) => m.text_content)).toContain("Also email the customer");

    const stopped = await duvo(["stop", run.id, "--json"]);
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toHaveProperty("success");
  });

  it("respond --answer sends the answers to a question request; --deny denies", async () => {
    const asked = JSON.parse((await duvo(["start", "--agent", ASKER, "--json"])).stdout).id as string;
    const state = JSON.parse((await duvo(["wait", asked, "--interval", "100ms", "--json"])).stdout);
    const questions = state.pending_human_request.questions as { question: string }[];
    const answers = questions.flatMap((q, i) => ["--answer", `${q.question}=answer ${i}`]);
    const answered = await duvo(["respond", asked, ...answers, "--json"]);
    expect(answered.code).toBe(0);
    const response = JSON.parse(JSON.parse(answered.stdout).response as string);
    expect(response).toEqual(Object.fromEntries(questions.map((q, i) => [q.question, `answer ${i}`])));

    // By number, as get and --follow show them: 1 is the first question.
    const numbered = JSON.parse((await duvo(["start", "--agent", ASKER, "--json"])).stdout).id as string;
    const shown = await duvo(["wait", numbered, "--interval", "100ms"]);
    expect(shown.stdout).toMatch(/^ {4}1\. .+$/m);
    expect(shown.stdout).toContain(`--answer "1=<answer>"`);
    const byNumber = await duvo([
      "respond",
      numbered,
      ...questions.flatMap((_, i) => ["--answer", `${i + 1}=n${i}`]),
      "--json",
    ]);
    expect(byNumber.code).toBe(0);
    expect(JSON.parse(JSON.parse(byNumber.stdout).response)).toEqual(
      Object.fromEntries(questions.map((q, i) => [q.question, `n${i}`])),
    );
    const beyond = JSON.parse((await duvo(["start", "--agent", ASKER, "--json"])).stdout).id as string;
    await duvo(["wait", beyond, "--interval", "100ms"]);
    const tooFar = await duvo(["respond", beyond, "--answer", "9=x"]);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toMatch(/--answer 9=…: the request has \d+ questions/);

    const denied = JSON.parse((await duvo(["start", "--agent", APPROVER, "--json"])).stdout).id as string;
    await duvo(["wait", denied, "--interval", "100ms"]);
    const no = await duvo(["respond", denied, "--deny"]);
    expect(no.stdout).toMatch(/: denied\n$/);
  });

  it("start --follow prints messages, status changes and the human request, and ends when the run does", async () => {
    const follow = start(
      ["duvo", "runs", "start", "--agent", APPROVER, "--message", "hi", "--follow", "--interval", "100ms"],
      sims.env,
    );
    await follow.waitFor("needs a human (approval)");
    const id = /Started run (\S+)/.exec(follow.stdout())![1]!;
    expect(follow.stdout()).toContain(`answer: agentruns duvo runs respond ${id} --approve`);
    const answered = await duvo(["respond", id, "--approve"]);
    expect(answered.code).toBe(0);
    const result = await follow.done;
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Started run ${id} (pending)`);
    expect(lines).toContain("— status: waiting");
    expect(lines.at(-1)).toBe("— status: completed");
    expect(result.stdout).toMatch(/\d\d:\d\d:\d\d user {6}hi\n/);
    // Every message printed once, in order.
    const printed = lines.filter((l) => /^\d\d:\d\d:\d\d /.test(l));
    const all = (await duvo(["messages", id, "--json"])).stdout.trimEnd().split("\n");
    expect(printed).toHaveLength(all.length);
  });

  it("messages --follow --json prints JSON Lines events until the end", async () => {
    const id = JSON.parse(
      (await duvo(["start", "--agent", STRAIGHT, "--message", "go", "--json"])).stdout,
    ).id;
    const result = await duvo(["messages", id, "--follow", "--json", "--interval", "100ms"]);
    expect(result.code).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: "message", message: { text_content: "go" } });
    expect(events.at(-1)).toEqual({ event: "status", status: "completed" });
  });

  it("Ctrl-C during --follow exits promptly with 130 and the printed lines intact", async () => {
    const id = JSON.parse((await duvo(["start", "--agent", APPROVER, "--json"])).stdout).id;
    const follow = start(["duvo", "runs", "messages", id, "--follow", "--interval", "200ms"], sims.env);
    await follow.waitFor("needs a human");
    const sent = Date.now();
    follow.child.kill("SIGINT");
    const result = await follow.done;
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("\n")).toBe(true);
    expect(result.stdout).toContain("needs a human (approval)");
  });

  it("bad input is a usage error (exit 2) and nothing is sent", async () => {
    const created = sims.duvo.count("createRun");
    for (const [args, message] of [
      [["start", "--agent", "not-a-uuid"], /agent_id must be a valid uuid/],
      [["start"], /required option '--agent <id>' not specified/],
      [["respond", "3b241101-e2bb-4255-8caf-4136c566a962"], /exactly one of --approve, --deny or --answer/],
      [["respond", "3b241101-e2bb-4255-8caf-4136c566a962", "--approve", "--deny"], /exactly one of/],
      [
        ["respond", "3b241101-e2bb-4255-8caf-4136c566a962", "--answer", "nothing"],
        /--answer must be question=text/,
      ],
      [
        ["wait", "3b241101-e2bb-4255-8caf-4136c566a962", "--interval", "soon"],
        /--interval must be a duration/,
      ],
      [["send-message", "3b241101-e2bb-4255-8caf-4136c566a962"], /needs the message/],
      [["get"], /missing required argument 'run-id'/],
    ] as const) {
      const result = await duvo([...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
    }
    expect(sims.duvo.count("createRun")).toBe(created);
  });

  it("an API error is exit 1 with the status, the path and the request id", async () => {
    const result = await duvo(["get", "3b241101-e2bb-4255-8caf-4136c566a962"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^agentruns: NotFoundError: 404 GET \/v1\/runs\/3b241101-e2bb-4255-8caf-4136c566a962: .+ \[request \S+\]\n$/,
    );
  });
});
