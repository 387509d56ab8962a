// `agentruns runs list|stats` across providers and `agentruns <provider> runs list`: rows streamed as pages arrive.
import { Option } from "commander";
import { Cmd as Command } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import type { Context } from "../context.js";
import { mergedRows, providerRows, type ListRequest } from "../listing.js";
import type { Source } from "../merge.js";
import { colorsFor, FORMATS, rowWriter, write, writeJson, type Format } from "../output.js";
import { Progress } from "../progress.js";
import { PROVIDERS, type CliProvider } from "../providers.js";
import { COLUMNS, STATUSES, type Row, type Status } from "../rows.js";
import { queryFrom, specFlags } from "../spec-flags.js";
import { parseInstant } from "../time.js";
import { describeError } from "../report.js";
import { renderStats, statsOf } from "../stats.js";
import { completes } from "../completion.js";
import { wholeNumber } from "../whole-number.js";

/** --format and its --json shorthand. */
export function formatOptions(command: Command, formats: readonly string[] = FORMATS): Command {
  return command
    .addOption(new Option("--format <format>", "output format").choices(formats).default("table"))
    .option("--json", "same as --format json");
}

export const formatOf = (opts: { format?: string; json?: boolean }): Format =>
  opts.json ? "json" : ((opts.format ?? "table") as Format);

function listingOptions(command: Command): Command {
  return formatOptions(
    command
      .option("--limit <n>", "print at most n runs (default: all)")
      .option("--page-size <n>", "runs per request (default: the largest the API allows)")
      .option("--progress", "progress on stderr even when it is not a terminal")
      .option("--no-progress", "no progress on stderr"),
  );
}

interface ListingOpts {
  format?: string;
  json?: boolean;
  limit?: string;
  pageSize?: string;
  progress?: boolean;
}

/** Shared by every listing: prints rows as they come, reports failed providers, returns the exit code. */
async function printRows(ctx: Context, sources: Source<Row>[], request: ListRequest, opts: ListingOpts) {
  const format = formatOf(opts);
  const { stdout, stderr, env } = ctx.io;
  // Shown by itself only where it cannot mix with the rows: stderr a terminal, stdout redirected.
  const mode =
    opts.progress === true
      ? stderr.isTTY
        ? "tty"
        : "lines"
      : opts.progress === undefined && stderr.isTTY && !stdout.isTTY
        ? "tty"
        : "off";
  const progress = new Progress(stderr, mode, request.limit);
  const writer = rowWriter<Row>(format, stdout, COLUMNS as (keyof Row & string)[], {
    color: colorsFor(stdout, env, ctx.flags.color !== false),
    width: stdout.columns,
  });
  const failures: string[] = [];
  const onFailure = (provider: string, error: unknown) => {
    failures.push(provider);
    ctx.error(`agentruns: ${provider} failed, its runs are missing: ${describeError(error)}`);
  };
  try {
    request.progress = progress; // the sources read it as their pages arrive
    for await (const row of mergedRows(sources, request, onFailure)) {
      await writer.write(row);
      progress.row();
    }
  } finally {
    progress.done();
    await writer.close();
  }
  if (failures.length && failures.length === sources.length) return EXIT.api;
  return failures.length ? EXIT.partial : EXIT.ok;
}

function limits(opts: ListingOpts) {
  return {
    limit: opts.limit === undefined ? undefined : wholeNumber(opts.limit, "--limit"),
    pageSize: opts.pageSize === undefined ? undefined : wholeNumber(opts.pageSize, "--page-size"),
  };
}

/** The providers named by --provider (all by default). */
function chosenProviders(list: string[] | undefined): CliProvider[] {
  if (!list?.length) return [...PROVIDERS];
  return PROVIDERS.filter((p) => list.includes(p.id));
}

const collect =
  (allowed: readonly string[], what: string) => (text: string, previous: string[] | undefined) => {
    const values = text
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    for (const v of values)
      if (!allowed.includes(v)) throw new UsageError(`unknown ${what} "${v}" (use ${allowed.join(", ")})`);
    return [...(previous ?? []), ...values];
  };

interface CrossOpts extends ListingOpts {
  provider?: string[];
  status?: Status[];
  since?: string;
}

/**
 * `runs list` and `runs stats`: the providers named by --provider (each must be configured), or by default every
 * provider that has credentials (at least one must). Every client is built before anything is sent.
 */
function crossSources(ctx: Context, opts: CrossOpts, request: ListRequest): Source<Row>[] {
  const named = !!opts.provider?.length;
  const providers = chosenProviders(opts.provider).filter((p) => named || ctx.configured(p));
  if (!providers.length)
    throw new UsageError(
      `no provider is configured: set ${PROVIDERS.map((p) => p.definition.credentials.map((c) => c.env).join(" + ")).join(", or ")}, ` +
        `or add a profile to ${ctx.configPath}`,
    );
  if (ctx.flags.verbose)
    for (const p of PROVIDERS)
      if (!providers.includes(p)) ctx.error(`agentruns: ${p.id} left out: no credentials for it`);
  return providers.map((p) => providerRows(p, ctx.client(p), request));
}

export function crossProviderRuns(ctx: () => Context): Command {
  const runs = new Command("runs").description("runs across providers");
  const providerOption = completes(
    new Option("--provider <ids>", "providers, comma-separated or repeated (default: all)").argParser(
      collect(
        PROVIDERS.map((p) => p.id),
        "provider",
      ),
    ),
    PROVIDERS.map((p) => p.id),
  );
  const statusOption = completes(
    new Option("--status <status>", `normalized status: ${STATUSES.join(", ")}; repeatable`).argParser(
      collect(STATUSES, "status"),
    ),
    STATUSES,
  );
  listingOptions(
    runs
      .command("list")
      .description("every provider's runs in one list, newest first, streamed as pages arrive")
      .addOption(providerOption)
      .addOption(statusOption)
      .option("--since <when>", "created at or after: ISO 8601 or a time ago (7d, 12h)"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  agentruns runs list --status failed --since 7d\n  agentruns runs list --provider duvo,duckie --format csv > runs.csv",
    )
    .action(async (opts: CrossOpts) => {
      const c = ctx();
      const request: ListRequest = {
        statuses: opts.status,
        since: opts.since === undefined ? undefined : parseInstant(opts.since, "--since"),
        signal: c.io.signal,
        ...limits(opts),
      };
      return printRows(c, crossSources(c, opts, request), request, opts);
    });
  runs
    .command("stats")
    .description("runs per provider × status, and runs per day as a sparkline")
    .addOption(providerOption)
    .option("--since <when>", "created at or after (default 30d)", "30d")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  agentruns runs stats --since 14d")
    .action(async (opts: CrossOpts & { json?: boolean }) => {
      const c = ctx();
      const since = parseInstant(opts.since ?? "30d", "--since");
      const request: ListRequest = { since, signal: c.io.signal };
      const { stats, code } = await statsOf(c, crossSources(c, opts, request), request, since);
      if (opts.json) await writeJson(c.io.stdout, stats);
      else await write(c.io.stdout, renderStats(stats));
      return code;
    });
  return runs;
}

/** `agentruns <provider> runs list`: the spec's filters as flags (every query parameter but paging). */
export function providerList(provider: CliProvider, ctx: () => Context, runs: Command): Command {
  const flags = specFlags(provider.listOperation, provider.paging);
  const list = runs
    .command("list")
    .description(`${provider.definition.title} runs, newest first; every filter of the spec as a flag`);
  for (const f of flags) list.addOption(f.option);
  listingOptions(list);
  list.addHelpText("after", `\nExample:\n  ${EXAMPLES[provider.id]}`);
  return list.action(async (opts: ListingOpts & Record<string, unknown>) => {
    const c = ctx();
    const request: ListRequest = { query: queryFrom(flags, opts), signal: c.io.signal, ...limits(opts) };
    return printRows(c, [providerRows(provider, c.client(provider), request)], request, opts);
  });
}

const EXAMPLES: Record<string, string> = {
  duvo: "agentruns duvo runs list --status failed --since 7d --format jsonl",
  avido: "agentruns avido runs list --start-date 30d --limit 100",
  duckie:
    "agentruns duckie runs list --status failed --status paused --duration-gte 60 --metadata team=billing",
};
