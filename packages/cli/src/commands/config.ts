// `agentruns config`: which config file and profile are in use, and where each provider's settings come from —
// never a credential's value.
import { existsSync } from "node:fs";
import { Cmd as Command } from "../command.js";
import type { Context } from "../context.js";
import { write, writeJson } from "../output.js";
import { ALL_PROVIDERS } from "../providers.js";

/** A base URL as it may be shown: user and password (if someone put them there) removed. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.href.replace(/\/$/, "");
  } catch {
    return "(not a URL)";
  }
}

export function configCommand(ctx: () => Context): Command {
  return new Command("config")
    .description(
      "show the config file, the profile and where each provider's settings come from (never a key)",
    )
    .option("--base-url <url>", "as on the provider commands")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  agentruns --profile staging config")
    .action(async (opts: { json?: boolean }) => {
      const c = ctx();
      const file = c.configPath;
      const profile = c.flags.profile ?? c.io.env.AGENTRUNS_PROFILE;
      const providers = ALL_PROVIDERS.map((p) => {
        const { options, sources } = c.settings(p);
        return {
          provider: p.id,
          ready: c.configured(p),
          credentials: Object.fromEntries(
            p.definition.credentials.map((cred) => [
              cred.option,
              sources[cred.option] ? `set (${sources[cred.option]})` : `missing (set ${cred.env})`,
            ]),
          ),
          baseUrl: options.baseUrl
            ? `${shownUrl(options.baseUrl)} (${sources.baseUrl})`
            : p.definition.serverUrl
              ? `${p.definition.serverUrl} (the spec's server)`
              : `missing (the spec names no server: set ${p.definition.baseUrlEnv[0]})`,
        };
      });
      const report = {
        file: `${file}${existsSync(file) ? "" : " (not found)"}`,
        profile: profile ?? `${c.config.default_profile ?? "default"} (the default)`,
        providers,
      };
      if (opts.json) return void (await writeJson(c.io.stdout, report));
      const lines = [`config file  ${report.file}`, `profile      ${report.profile}`, ""];
      for (const p of providers) {
        lines.push(`${p.provider}${p.ready ? "" : "  (not configured)"}`);
        for (const [option, state] of Object.entries(p.credentials))
          lines.push(`  ${option.padEnd(14)} ${state}`);
        lines.push(`  ${"baseUrl".padEnd(14)} ${p.baseUrl}`);
      }
      await write(c.io.stdout, `${lines.join("\n")}\n`);
    });
}
