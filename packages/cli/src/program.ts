// The command tree of `agentruns`: per provider, across providers, the raw API, the simulators, completion.
import { createRequire } from "node:module";
import { Cmd } from "./command.js";
import { apiCommand, providerApiCommand } from "./commands/api.js";
import { configCommand } from "./commands/config.js";
import { duvoCommands } from "./commands/duvo.js";
import { mcpCommand } from "./commands/mcp.js";
import { crossProviderRuns, providerList } from "./commands/list.js";
import { simCommand } from "./commands/sim.js";
import { bashCompletion, fishCompletion, zshCompletion } from "./completion.js";
import { Context, type Io } from "./context.js";
import { write } from "./output.js";
import { ALL_PROVIDERS, runsProviderById } from "./providers.js";
import { TITLES } from "./titles.js";

/** The package's own version (dist/program.js → ../package.json). */
export const VERSION: string = createRequire(import.meta.url)("../package.json").version;

export const EXIT_CODES_HELP = `
Exit codes: 0 ok · 1 an API or network error · 2 a usage error (nothing was sent) · 3 partial results (a provider
failed, the others printed) · 130 interrupted (Ctrl-C).

Configuration: ${ALL_PROVIDERS.map((p) => p.definition.credentials.map((c) => c.env).join(" + "))
  .filter(Boolean)
  .join(
    ", ",
  )} (and <PROVIDER>_BASE_URL), or profiles in $XDG_CONFIG_HOME/agentruns/config.json (--profile). Keys are never printed.`;

/** The commands of the root itself: a provider with one of these ids is reached through `agentruns api <id>` only. */
const BUILT_IN = new Set(["runs", "api", "sim", "mcp", "config", "completion", "help"]);

/** The root command; it holds the context of the command being run, through which main() reports a failure. */
export class Program extends Cmd {
  context: Context | undefined;
}

export function buildProgram(io: Io): Program {
  const ctx = () => program.context!;
  const program = new Program("agentruns")
    .description(`One command line for agent runs and every operation of ${TITLES}.`)
    .version(VERSION, "-V, --version")
    .option(
      "--profile <name>",
      'the config file\'s profile to use (default: AGENTRUNS_PROFILE, else "default")',
    )
    .option(
      "--config <path>",
      "the config file (default: $AGENTRUNS_CONFIG, else $XDG_CONFIG_HOME/agentruns/config.json)",
    )
    .option("--verbose", "log every request on stderr (credentials redacted)")
    .option("--no-color", "no colours (also: NO_COLOR, or output that is not a terminal)")
    .addHelpText(
      "after",
      `\nExamples:\n  agentruns runs list --status failed --since 7d\n  agentruns duvo runs start --agent <id> --message "hi" --follow\n${EXIT_CODES_HELP}`,
    );
  program.hook("preAction", (_root, action) => {
    program.context = new Context(io, action.optsWithGlobals());
  });

  const duvo = program
    .command("duvo")
    .description("Duvo: start, follow, answer and stop agent runs")
    .option(
      "--base-url <url>",
      "Duvo's base URL (default: DUVO_BASE_URL, else the profile, else https://api.duvo.ai)",
    );
  duvoCommands(ctx, duvo);
  duvo.addCommand(providerApiCommand(ctx, runsProviderById("duvo")!));
  // Every other provider of scripts/providers.ts: `runs` where the CLI knows how its runs read, `api` for all.
  for (const provider of ALL_PROVIDERS) {
    if (provider.id === "duvo" || BUILT_IN.has(provider.id)) continue;
    const runs = runsProviderById(provider.id);
    const { title, baseUrlEnv } = provider.definition;
    const command = program
      .command(provider.id)
      .description(
        runs
          ? `${title}: list runs with every filter of its spec`
          : `${title}: call any operation of its spec`,
      )
      .option("--base-url <url>", `${title}'s base URL (default: ${baseUrlEnv[0]})`);
    if (runs) providerList(runs, ctx, command.command("runs").description(`${title} runs`));
    command.addCommand(providerApiCommand(ctx, provider));
  }
  program.addCommand(crossProviderRuns(ctx));
  program.addCommand(apiCommand(ctx));
  program.addCommand(simCommand(ctx));
  program.addCommand(mcpCommand(ctx));
  program.addCommand(configCommand(ctx));
  program
    .command("completion")
    .description("print a shell completion script")
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      "\nExamples:\n  source <(agentruns completion bash)\n  agentruns completion fish | source",
    )
    .action(async (shell: string) => {
      const scripts: Record<string, () => string> = {
        bash: () => bashCompletion(program),
        zsh: () => zshCompletion(program),
        fish: () => fishCompletion(program),
      };
      if (!scripts[shell]) {
        ctx().error(`agentruns: no completion for "${shell}" (use bash, zsh or fish)`);
        return 2;
      }
      await write(io.stdout, scripts[shell]());
      return 0;
    });

  // Every command: errors come back to main() (no process.exit), help and messages go to the given streams.
  const configure = (c: Cmd) => {
    c.exitOverride()
      .showHelpAfterError("(add --help for usage)")
      .configureOutput({
        writeOut: (s) => void io.stdout.write(s),
        writeErr: (s) => void io.stderr.write(s),
      });
    for (const sub of c.commands) configure(sub as Cmd);
  };
  configure(program);
  return program;
}
