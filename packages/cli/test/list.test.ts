// `agentruns runs list` and the providers' `runs list`: every format parsed back, merge order, filters on the wire,
// partial failure, progress that stays off stdout, colours.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { bin, run, simulators, type Sims } from "./cli.js";

let sims: Sims;
beforeAll(async () => {
  sims = await simulators({ runs: 150, rateLimit: false });
});
afterAll(() => sims.close());

interface Row {
  provider: string;
  id: string;
  status: string;
  provider_status: string;
  title: string | null;
  created_at: string;
  duration_s: number | null;
  url: string | null;
}

/** The documented normalization, written out independently of the CLI's tables. */
const DOCUMENTED: Record<string, Record<string, string>> = {
  duvo: {
    not_started: "pending",
    pending: "pending",
    starting: "pending",
    running: "running",
    waiting: "waiting",
    needs_attention: "waiting",
    completed: "completed",
    failed: "failed",
    interrupted: "failed",
    stopped: "cancelled",
  },
  duckie: {
    running: "running",
    paused: "waiting",
    completed: "completed",
    failed: "failed",
    cancelled: "cancelled",
  },
};

/** What the simulators hold, as rows' (provider, id, status). */
function truth() {
  const rows: { provider: string; id: string; status: string; created: number }[] = [];
  for (const r of sims.duvo.store.runs)
    rows.push({ provider: "duvo", id: r.id, status: DOCUMENTED.duvo![r.status]!, created: r.created_at });
  for (const r of sims.avido.runs) {
    const result = r.output.result;
    rows.push({
      provider: "avido",
      id: r.output.id,
      status: !result ? "pending" : result.failed > 0 ? "failed" : "completed",
      created: r.created,
    });
  }
  for (const r of sims.duckie.runs)
    rows.push({
      provider: "duckie",
      id: r.summary.id,
      status: DOCUMENTED.duckie![r.summary.status]!,
      created: r.created,
    });
  return rows;
}

const json = (text: string) => JSON.parse(text) as Row[];

describe("agentruns runs list", () => {
  it("merges every provider's runs newest first, each with its documented normalized status", async () => {
    const result = await run(["runs", "list", "--format", "json"], sims.env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const rows = json(result.stdout);
    const expected = truth();
    expect(rows).toHaveLength(expected.length);
    const times = rows.map((r) => Date.parse(r.created_at));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeLessThanOrEqual(times[i - 1]!);
    const byId = new Map(rows.map((r) => [`${r.provider}:${r.id}`, r]));
    expect(byId.size).toBe(expected.length); // no run twice
    for (const t of expected)
      expect(byId.get(`${t.provider}:${t.id}`)?.status, `${t.provider} ${t.id}`).toBe(t.status);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(["duvo", "avido", "duckie"]));
    for (const r of rows)
      expect(Object.keys(r)).toEqual([
        "provider",
        "id",
        "status",
        "provider_status",
        "title",
        "created_at",
        "duration_s",
        "url",
      ]);
  });

  it("gives the same rows as JSON, JSON Lines and RFC 4180 CSV", async () => {
    const args = ["runs", "list", "--limit", "60"];
    const [asJson, asJsonl, asCsv] = await Promise.all([
      run([...args, "--json"], sims.env),
      run([...args, "--format", "jsonl"], sims.env),
      run([...args, "--format", "csv"], sims.env),
    ]);
    const rows = json(asJson.stdout);
    expect(rows).toHaveLength(60);
    expect(
      asJsonl.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(rows);
    expect(asCsv.stdout).toMatch(/^provider,id,status,provider_status,title,created_at,duration_s,url\r\n/);
    const records = parseCsv(asCsv.stdout, { columns: true, record_delimiter: "\r\n" }) as Record<
      string,
      string
    >[];
    expect(records).toEqual(
      rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? "" : String(v)])),
      ),
    );
  });

  it("--status failed --since <a week ago> keeps exactly the failed runs since then of every provider", async () => {
    sims.duvo.requests.length = 0;
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const result = await run(
      ["runs", "list", "--status", "failed", "--since", weekAgo, "--format", "jsonl"],
      sims.env,
    );
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    const expected = truth().filter((t) => t.status === "failed" && t.created >= Date.parse(weekAgo));
    expect(new Set(rows.map((r) => `${r.provider}:${r.id}`))).toEqual(
      new Set(expected.map((t) => `${t.provider}:${t.id}`)),
    );
    // Duvo lists one status per request (its items carry none), Duckie takes several in one.
    const duvoQueries = sims.duvo.requests
      .filter((r) => r.operationId === "listRuns")
      .map((r) => new URLSearchParams(r.rawQuery));
    expect(new Set(duvoQueries.map((q) => q.get("status")))).toEqual(new Set(["failed", "interrupted"]));
    expect(new Set(duvoQueries.map((q) => q.get("since")))).toEqual(new Set([weekAgo]));
    // A relative time is an instant that far back, sent as ISO 8601.
    sims.duvo.requests.length = 0;
    await run(["duvo", "runs", "list", "--since", "7d", "--limit", "1", "--json"], sims.env);
    const sent = Date.parse(new URLSearchParams(sims.duvo.requests[0]!.rawQuery).get("since")!);
    expect(Math.abs(sent - (Date.now() - 7 * 86_400_000))).toBeLessThan(60_000);
  });

  it("asks nothing of a provider that has none of the statuses wanted (Avido is never waiting)", async () => {
    sims.avido.requests.length = 0;
    const result = await run(["runs", "list", "--status", "waiting", "--json"], sims.env);
    const rows = json(result.stdout);
    expect(rows.length).toBe(truth().filter((t) => t.status === "waiting").length);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(["duvo", "duckie"]));
    expect(sims.avido.requests).toHaveLength(0);
  });

  it("--limit stops after n rows: the newest n", async () => {
    const [all, five] = await Promise.all([
      run(["runs", "list", "--json"], sims.env),
      run(["runs", "list", "--limit", "5", "--json"], sims.env),
    ]);
    expect(json(five.stdout)).toEqual(json(all.stdout).slice(0, 5));
  });

  it("sends a provider's filters exactly as its spec serializes them", async () => {
    sims.duckie.requests.length = 0;
    const result = await run(
      [
        "duckie",
        "runs",
        "list",
        "--status",
        "failed",
        "--status",
        "paused",
        "--duration-gte",
        "60",
        "--metadata",
        "team=billing",
        "--json",
      ],
      sims.env,
    );
    expect(result.code).toBe(0);
    const sent = sims.duckie.requests.map((r) => `${r.pathname}?${r.rawQuery}`);
    expect(sent[0]).toBe(
      "/api/v1/runs?status=failed&status=paused&duration[gte]=60&limit=100&metadata.team=billing",
    );
    for (const r of json(result.stdout)) {
      expect(["failed", "waiting"]).toContain(r.status);
      expect(r.duration_s).toBeGreaterThanOrEqual(60);
    }
  });

  it("Duvo's list in the order asked for (oldest first), across its per-status requests", async () => {
    const result = await run(["duvo", "runs", "list", "--sort-order", "asc", "--json"], sims.env);
    const times = json(result.stdout).map((r) => Date.parse(r.created_at));
    expect(times).toHaveLength(150);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("Avido's list takes its spec's dates and ordering as flags", async () => {
    sims.avido.requests.length = 0;
    const result = await run(
      [
        "avido",
        "runs",
        "list",
        "--start-date",
        "2026-01-01",
        "--order-by",
        "modifiedAt",
        "--order-dir",
        "asc",
        "--limit",
        "5",
        "--format",
        "jsonl",
      ],
      sims.env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(5);
    expect(sims.avido.requests[0]!.rawQuery).toBe(
      "orderBy=modifiedAt&orderDir=asc&startDate=2026-01-01T00%3A00%3A00.000Z&limit=5",
    );
  });

  it("a provider that fails is reported on stderr, the others print, exit code 3", async () => {
    sims.duckie.faults.failNext(Infinity, 401, { match: { operationId: "listRuns" } });
    try {
      const result = await run(["runs", "list", "--json"], sims.env);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^agentruns: duckie failed, its runs are missing: AuthenticationError: 401 GET \/api\/v1\/runs/m,
      );
      expect(result.stderr).not.toContain("duckie-test-key");
      const rows = json(result.stdout);
      expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(["duvo", "avido"]));
      expect(rows).toHaveLength(300);
      const alone = await run(["duckie", "runs", "list"], sims.env);
      expect(alone.code).toBe(1);
    } finally {
      sims.duckie.faults.clear();
    }
  });

  it("progress goes to stderr, and stdout still parses", async () => {
    const result = await run(
      ["runs", "list", "--format", "jsonl", "--page-size", "20", "--progress"],
      sims.env,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^agentruns: \d+ pages · 450 rows · [\d,]+ rows\/s$/m);
    expect(
      result.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toHaveLength(450);
    const known = await run(
      ["duvo", "runs", "list", "--format", "jsonl", "--page-size", "10", "--progress"],
      sims.env,
    );
    expect(known.stderr).toMatch(/· 150\/150 rows ·/); // Duvo says its totals: the progress knows the end
  });

  it("prints a table for people: colours only on a terminal or FORCE_COLOR, never with NO_COLOR or --no-color", async () => {
    const plain = await run(["runs", "list", "--limit", "3"], sims.env);
    expect(plain.stdout.split("\n")[0]).toMatch(/^PROVIDER\s+STATUS\s+CREATED\s+DURATION\s+ID\s+TITLE$/);
    expect(plain.stdout.trimEnd().split("\n")).toHaveLength(4);
    expect(plain.stdout).not.toContain("\u001b[");
    const forced = await run(["runs", "list", "--limit", "3"], { ...sims.env, FORCE_COLOR: "1" });
    expect(forced.stdout).toContain("\u001b[");
    const noColor = await run(["runs", "list", "--limit", "3"], {
      ...sims.env,
      FORCE_COLOR: "1",
      NO_COLOR: "1",
    });
    expect(noColor.stdout).not.toContain("\u001b[");
    const flag = await run(["--no-color", "runs", "list", "--limit", "3"], { ...sims.env, FORCE_COLOR: "1" });
    expect(flag.stdout).not.toContain("\u001b[");
  });

  it("on a real terminal (a pty from script(1)) the table has colours, unless NO_COLOR", async () => {
    const onTty = (env: Record<string, string>, args = "runs list --limit 3") =>
      new Promise<string>((resolve, reject) =>
        execFile(
          "script",
          ["-qec", `"${process.execPath}" "${bin}" ${args}`, "/dev/null"],
          { env: { ...sims.env, ...env } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        ),
      );
    const coloured = await onTty({});
    expect(coloured).toMatch(/^\u001b\[1mPROVIDER/);
    expect(coloured).toMatch(/\u001b\[3\dm(completed|failed|waiting|running|pending)/);
    const plain = await onTty({ NO_COLOR: "1" });
    expect(plain).not.toContain("\u001b[");
    expect(plain.split("\r\n")[0]).toMatch(/^PROVIDER\s+STATUS/);
    // stdout redirected, stderr the terminal: progress shows by itself there, updated in place, then cleared.
    const file = `${tmpdir()}/agentruns-tty-${process.pid}.csv`;
    const progress = await onTty({}, `runs list --page-size 5 --format csv > ${file}`);
    expect(progress).toMatch(/\r\u001b\[Kagentruns: [\d,]+ pages · [\d,]+/);
    expect(progress.endsWith("\r\u001b[K")).toBe(true);
    expect(readFileSync(file, "utf8").split("\r\n")).toHaveLength(452);
  });

  it("runs stats counts provider × status and draws runs per day", async () => {
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const result = await run(["runs", "stats", "--since", since, "--json"], sims.env);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout) as {
      counts: Record<string, Record<string, number>>;
      days: { date: string; runs: number }[];
    };
    const expected = truth().filter((t) => t.created >= Date.parse(since));
    for (const provider of ["duvo", "avido", "duckie"]) {
      const mine = expected.filter((t) => t.provider === provider);
      const counted = Object.values(stats.counts[provider]!).reduce((a, b) => a + b, 0);
      expect(counted).toBe(mine.length);
      expect(stats.counts[provider]!.failed ?? 0).toBe(mine.filter((t) => t.status === "failed").length);
    }
    expect(stats.days.length).toBeGreaterThanOrEqual(30);
    const text = await run(["runs", "stats"], sims.env);
    expect(text.stdout).toMatch(/^provider\s+.*total$/m);
    expect(text.stdout).toMatch(
      /per day since \d{4}-\d{2}-\d{2}: [▁▂▃▄▅▆▇█]{30,} \(max \d+\/day, \d+ runs\)/,
    );
  });

  it("rejects bad flags with exit code 2 before sending anything", async () => {
    sims.duckie.requests.length = 0;
    sims.duvo.requests.length = 0;
    const cases = [
      [["runs", "list", "--status", "broken"], /unknown status "broken"/],
      [["runs", "list", "--provider", "acme"], /unknown provider "acme"/],
      [["runs", "list", "--since", "yesterday"], /--since must be an ISO 8601 date/],
      [["runs", "list", "--limit", "ten"], /--limit must be a whole number/],
      [
        ["runs", "list", "--format", "xml"],
        /argument 'xml' is invalid. Allowed choices are table, json, jsonl, csv/,
      ],
      [
        ["duckie", "runs", "list", "--duration-gte", "long"],
        /'--duration-gte <value>' argument 'long' is invalid. It must be a whole number/,
      ],
      [["duckie", "runs", "list", "--metadata", "team"], /It must be key=value/],
      [["duvo", "runs", "list", "--status", "done"], /"done" is not one of not_started, pending/],
      [["runs", "list", "--bogus"], /unknown option '--bogus'/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run([...args], sims.env);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stdout).toBe("");
    }
    expect(sims.duckie.requests.length + sims.duvo.requests.length).toBe(0);
  });
});
