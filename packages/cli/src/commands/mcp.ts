// `agentruns mcp`: the MCP server of @agentruns/mcp (the same as its `agentruns-mcp` command), with the CLI's
// --profile and --config, until stdin ends (stdio), Ctrl-C or SIGTERM.
import { Cmd as Command } from "../command.js";
import type { Context } from "../context.js";
import { write } from "../output.js";
import { TITLES } from "../titles.js";

const DESCRIPTION = `serve every ${TITLES} operation as Model Context Protocol tools`;

export function mcpCommand(ctx: () => Context): Command {
  return new Command("mcp")
    .description(`${DESCRIPTION} (stdio, or --http)`)
    .argument("[options...]", "agentruns-mcp's options (agentruns mcp --help lists them)")
    .allowUnknownOption()
    .helpOption(false)
    .action(async (args: string[]) => {
      const c = ctx();
      // Loaded here: the MCP SDK costs start-up time no other command needs.
      const { main, OPTIONS, CREDENTIALS } = await import("@agentruns/mcp");
      if (args.includes("--help") || args.includes("-h")) {
        await write(
          c.io.stdout,
          `Usage: agentruns mcp [options]\n\n${DESCRIPTION}, as agentruns-mcp does.\n\nOptions:\n${OPTIONS}\n\n` +
            `${CREDENTIALS}\n\nExamples:\n  agentruns mcp --read-only\n  agentruns --profile work mcp --http --port 3333 --auth-token "$TOKEN"\n`,
        );
        return 0;
      }
      const global = [
        ...(c.flags.profile ? ["--profile", c.flags.profile] : []),
        ...(c.flags.config ? ["--config", c.flags.config] : []),
      ];
      const { code, stop } = await main([...global, ...args], {
        env: c.io.env,
        stderr: (line) => c.error(line),
        stdout: (text) => void c.io.stdout.write(text),
      });
      // A usage problem was reported by the server's own message; its code is the command's.
      if (!stop) return code;
      await new Promise<void>((resolve) => {
        if (c.io.signal.aborted) return resolve();
        c.io.signal.addEventListener("abort", () => resolve(), { once: true });
        if (!args.includes("--http")) process.stdin.once("end", () => resolve());
      });
      await stop();
      return 0;
    });
}
