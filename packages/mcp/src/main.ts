// The `agentruns-mcp` command (and `agentruns mcp`): its flags, the providers it serves, and the transport it runs on
// (stdio by default, streamable HTTP with --http). Usage problems exit 2 with a message on stderr, never a stack.
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { AgentRunsError } from "@agentruns/core";
import { configPath } from "./config.js";
import { PROVIDERS } from "./generated/providers.js";
import { selectProviders } from "./providers.js";
import { createServer, listedTools, serverRedaction, servingNote, type ServerOptions } from "./server.js";
import { VERSION } from "./version.js";

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderr: (line: string) => void;
  readonly stdout?: (text: string) => void;
}

/** The options, one per line (`agentruns mcp --help` shows them too). */
export const OPTIONS = `  --provider <ids>          providers to serve, comma-separated (default: every configured one: credentials set, and a base URL where the spec names no server)
  --mode <tools|dynamic>    one tool per operation, or three tools to search, describe and invoke them
                            (default: each provider as tools, or dynamic when it has more than 64)
  --read-only               only the tools that read (GET operations)
  --tools <globs>           only tools whose name matches, comma-separated (duvo_runs_*,avido_*)
  --http                    serve streamable HTTP instead of stdio
  --port <n>                HTTP port (default 3333; 0 for any free one)
  --host <host>             HTTP host (default 127.0.0.1)
  --auth-token <token>      HTTP clients must send it as a bearer token (default: AGENTRUNS_MCP_AUTH_TOKEN)
  --max-sessions <n>        HTTP sessions at once; a new one closes the longest idle (default 100)
  --session-idle <s>        seconds without a request before an HTTP session closes (default 1800)
  --max-answer-bytes <n>    bound of one answer; longer ones are cut with a note (default 256000)
  --poll-interval <s>       seconds between polls of duvo_runs_wait (default: Duvo's guidance, from 5 s)
  --profile <name>          the config file's profile (default: AGENTRUNS_PROFILE, else "default")
  --config <path>           the config file (default: $AGENTRUNS_CONFIG, else $XDG_CONFIG_HOME/agentruns/config.json)
  --list-tools              print the tool names, their count and the tools/list size in bytes, then exit
  -h, --help                this help
  -V, --version             the version`;

/** The providers of scripts/providers.ts by title, as a sentence lists them (`Duvo, Avido and Duckie`). */
export const TITLES = new Intl.ListFormat("en-GB", { type: "conjunction" }).format(
  PROVIDERS.map((p) => p.title),
);

/** Where credentials come from, and the promise about them. */
export const CREDENTIALS = `Credentials: ${PROVIDERS.map((p) =>
  p.provider.credentials.map((c) => c.env).join(" + "),
)
  .filter(Boolean)
  .join(", ")} (and <PROVIDER>_BASE_URL), or
profiles in the config file. They never appear in tool results, errors or logs.`;

export const USAGE = `Usage: agentruns-mcp [options]

Serves every operation of the ${TITLES} APIs as Model Context Protocol tools.

Options:
${OPTIONS}

${CREDENTIALS}`;

/** A usage problem: the message, then exit code 2. */
class UsageError extends Error {}

const whole = (name: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
  return n;
};

/** A positive number of seconds, in milliseconds. */
const seconds = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!(Number(value) > 0) || !Number.isFinite(Number(value)))
    throw new UsageError(`--${name} must be a positive number of seconds, got ${JSON.stringify(value)}`);
  return Number(value) * 1000;
};

/** What the flags ask for. */
export function parseFlags(argv: readonly string[], env: Io["env"]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        provider: { type: "string" },
        mode: { type: "string" },
        "read-only": { type: "boolean" },
        tools: { type: "string" },
        http: { type: "boolean" },
        port: { type: "string" },
        host: { type: "string" },
        "auth-token": { type: "string" },
        "max-sessions": { type: "string" },
        "session-idle": { type: "string" },
        "max-answer-bytes": { type: "string" },
        "poll-interval": { type: "string" },
        profile: { type: "string" },
        config: { type: "string" },
        "list-tools": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.mode !== undefined && v.mode !== "tools" && v.mode !== "dynamic")
    throw new UsageError(`--mode must be tools or dynamic, got ${JSON.stringify(v.mode)}`);
  const poll = seconds("poll-interval", v["poll-interval"]);
  return {
    help: !!v.help,
    version: !!v.version,
    listTools: !!v["list-tools"],
    providers: v.provider
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    mode: v.mode as "tools" | "dynamic" | undefined,
    readOnly: !!v["read-only"],
    tools: v.tools,
    http: !!v.http,
    port: whole("port", v.port, 0) ?? 3333,
    host: v.host ?? "127.0.0.1",
    authToken: v["auth-token"] ?? (env.AGENTRUNS_MCP_AUTH_TOKEN || undefined),
    maxSessions: whole("max-sessions", v["max-sessions"], 1),
    sessionIdleMs: seconds("session-idle", v["session-idle"]),
    maxAnswerBytes: whole("max-answer-bytes", v["max-answer-bytes"], 1024),
    pollIntervalMs: poll,
    profile: v.profile ?? (env.AGENTRUNS_PROFILE || undefined),
    configPath: v.config ?? configPath(env),
  };
}

/** Starts the server; resolves with a function that stops it, or with the exit code when it ran to the end. */
export async function main(
  argv: readonly string[],
  io: Io = { env: process.env, stderr: (l) => process.stderr.write(`${l}\n`) },
): Promise<{ code: number; stop?: () => Promise<void> }> {
  const out = io.stdout ?? ((t: string) => void process.stdout.write(t));
  try {
    const flags = parseFlags(argv, io.env);
    if (flags.help) return (out(`${USAGE}\n`), { code: 0 });
    if (flags.version) return (out(`${VERSION}\n`), { code: 0 });
    const providers = selectProviders(
      {
        ...(flags.providers ? { providers: flags.providers } : {}),
        ...(flags.profile ? { profile: flags.profile } : {}),
        configPath: flags.configPath,
      },
      io.env,
    );
    const options: ServerOptions = {
      providers,
      ...(flags.mode ? { mode: flags.mode } : {}),
      readOnly: flags.readOnly,
      ...(flags.tools ? { tools: flags.tools } : {}),
      ...(flags.maxAnswerBytes ? { maxAnswerBytes: flags.maxAnswerBytes } : {}),
      ...(flags.pollIntervalMs ? { pollIntervalMs: flags.pollIntervalMs } : {}),
      ...(flags.authToken ? { secrets: [flags.authToken] } : {}),
    };
    // What the server logs passes the same redaction as what it sends.
    const redact = serverRedaction(options);
    const log = (line: string) => io.stderr(redact.text(line));
    const note = servingNote(options);
    if (flags.listTools) {
      const tools = listedTools(options);
      const text = JSON.stringify({ tools });
      const listing = {
        tools: tools.map((t) => t.name),
        count: tools.length,
        bytes: Buffer.byteLength(text),
      };
      out(`${JSON.stringify(note ? { ...listing, note } : listing, null, 2)}\n`);
      return { code: 0 };
    }
    if (flags.http) {
      // Loaded here: the HTTP transport is start-up time a stdio server (the common case) does not need.
      const { serveHttp } = await import("./http.js");
      const handle = await serveHttp(() => createServer(options), {
        host: flags.host,
        port: flags.port,
        ...(flags.authToken ? { authToken: flags.authToken } : {}),
        maxSessions: flags.maxSessions,
        sessionIdleMs: flags.sessionIdleMs,
        log,
      });
      log(`agentruns-mcp ${VERSION}: ${providers.map((p) => p.tools.id).join(", ")} on ${handle.url}`);
      if (note) log(`agentruns-mcp: ${note}`);
      return { code: 0, stop: () => handle.close() };
    }
    const server = createServer(options);
    const transport = new StdioServerTransport();
    // A malformed line is reported and skipped; the server keeps reading.
    transport.onerror = (e) => log(`agentruns-mcp: ${e.message}`);
    await server.connect(transport);
    log(`agentruns-mcp ${VERSION}: ${providers.map((p) => p.tools.id).join(", ")} on stdio`);
    if (note) log(`agentruns-mcp: ${note}`);
    return { code: 0, stop: () => server.close() };
  } catch (e) {
    if (e instanceof UsageError || e instanceof AgentRunsError) {
      io.stderr(`agentruns-mcp: ${e.message}`);
      if (e instanceof UsageError) io.stderr("Run agentruns-mcp --help for the options.");
      return { code: 2 };
    }
    throw e;
  }
}
