// Which providers a server serves, and each one's client options: --provider, else every configured provider (its
// credentials set, and its base URL where the spec names no server), read as the CLI reads them (the config file's
// profile, the clients' env vars).
import type { ProviderTools } from "@agentruns/core";
import type { ProviderBinding, ProviderExtras } from "./catalog.js";
import { ConfigError, loadConfig, missingCredential, missingSettings, resolveSettings } from "./config.js";
import { duvoExtras } from "./extras/duvo.js";
import { PROVIDERS } from "./generated/providers.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The hand-written tools of each provider that has some (src/extras/), made fresh for each server. */
const EXTRAS: Readonly<Record<string, () => ProviderExtras>> = { duvo: duvoExtras };

export interface Selection {
  /** Provider ids (`duvo,avido`); absent: every configured provider (missingSettings). */
  readonly providers?: readonly string[];
  readonly profile?: string;
  /** The config file; default `$AGENTRUNS_CONFIG`, else `$XDG_CONFIG_HOME/agentruns/config.json`. */
  readonly configPath: string;
}

/** The bindings to serve; a provider asked for but not configured, or none configured at all, is a ConfigError. */
export function selectProviders(
  selection: Selection,
  env: Env,
  available: readonly ProviderTools[] = PROVIDERS,
): ProviderBinding[] {
  const unknown = (selection.providers ?? []).filter((id) => !available.some((p) => p.id === id));
  if (unknown.length)
    throw new ConfigError(
      `unknown provider ${unknown.join(", ")} (providers: ${available.map((p) => p.id).join(", ")})`,
    );
  const config = loadConfig(
    selection.configPath,
    available.map((p) => p.id),
  );
  const chosen: ProviderBinding[] = [];
  const unconfigured: string[] = [];
  for (const tools of available) {
    if (selection.providers && !selection.providers.includes(tools.id)) continue;
    const provider = { id: tools.id, title: tools.title, ...tools.provider };
    const { options } = resolveSettings(
      provider,
      selection.profile === undefined ? {} : { profile: selection.profile },
      env,
      config,
      selection.configPath,
    );
    const [missing] = missingSettings(provider, options);
    if (missing !== undefined) {
      if (selection.providers) throw missingCredential(provider, missing, selection.configPath);
      const needs = [...tools.provider.credentials.map((c) => c.env)];
      if (tools.provider.serverUrl === null)
        needs.push(tools.provider.baseUrlEnv[0] ?? `${tools.id}'s base URL`);
      unconfigured.push(needs.join(" + "));
      continue;
    }
    const extras = EXTRAS[tools.id];
    chosen.push({ tools, options, ...(extras ? { extras: extras() } : {}) });
  }
  if (!chosen.length)
    throw new ConfigError(
      `no provider is configured: set ${unconfigured.join(", or ")}, or add a profile to ${selection.configPath}`,
    );
  return chosen;
}
