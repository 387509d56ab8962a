// Where the command-line tools read credentials and base URLs: a flag, the selected profile of the config file, the
// clients' env vars. agentruns-mcp's, and the agentruns CLI's (which depends on this package for `agentruns mcp`)
// through the subpath `@agentruns/mcp/config`.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { AgentRunsError } from "@agentruns/core";

/** The config file cannot be read, is not valid, or names a profile it does not have; the message says which. */
export class ConfigError extends AgentRunsError {}

/** What the settings of one provider are resolved from: its generated provider constant, in part. */
export interface ConfigProvider {
  readonly id: string;
  readonly title: string;
  readonly credentials: readonly { readonly option: string; readonly env: string }[];
  readonly baseUrlEnv: readonly string[];
  /** The options a call cannot go without (absent: every credential). */
  readonly requiredOptions?: readonly string[];
  /** The spec's absolute server; null when it names none (or only a relative one): a base URL must be given. */
  readonly serverUrl?: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;
/** One provider's settings in a profile: its client options by name (`apiKey`, `applicationId`, `baseUrl`). */
export type ProviderSettings = Readonly<Record<string, string>>;
export interface ConfigFile {
  /** The profile used when neither --profile nor AGENTRUNS_PROFILE names one (default "default"). */
  default_profile?: string;
  profiles?: Record<string, Partial<Record<string, ProviderSettings>>>;
}

/** `$AGENTRUNS_CONFIG`, else `$XDG_CONFIG_HOME/agentruns/config.json`, else `~/.config/agentruns/config.json`. */
export function configPath(env: Env): string {
  if (env.AGENTRUNS_CONFIG) return env.AGENTRUNS_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "agentruns", "config.json");
}

/** The config file, or an empty one when it does not exist; a file that is not valid is a ConfigError naming it. */
export function loadConfig(path: string, providers: readonly string[]): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new ConfigError(`cannot read the config file ${path}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`the config file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const problem = shapeProblem(parsed, providers);
  if (problem) throw new ConfigError(`the config file ${path} is not valid: ${problem}`);
  return parsed as ConfigFile;
}

function shapeProblem(config: unknown, providers: readonly string[]): string | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(config)) return "it must be a JSON object";
  if (config.default_profile !== undefined && typeof config.default_profile !== "string")
    return "default_profile must be a string";
  if (config.profiles === undefined) return undefined;
  if (!isObject(config.profiles)) return "profiles must be an object of named profiles";
  for (const [name, profile] of Object.entries(config.profiles)) {
    if (!isObject(profile)) return `profiles.${name} must be an object`;
    for (const [provider, settings] of Object.entries(profile)) {
      if (!providers.includes(provider))
        return `profiles.${name}.${provider} is not a provider (${providers.join(", ")})`;
      if (!isObject(settings)) return `profiles.${name}.${provider} must be an object`;
      for (const [key, value] of Object.entries(settings))
        if (typeof value !== "string") return `profiles.${name}.${provider}.${key} must be a string`;
    }
  }
  return undefined;
}

export interface Selection {
  /** --profile; AGENTRUNS_PROFILE when absent. */
  profile?: string;
  /** --base-url (provider commands only). */
  baseUrl?: string;
}

/** Where a setting came from (what `agentruns config` shows; never the value of a credential). */
export type Source = "--base-url" | `profile ${string}` | `env ${string}`;

/**
 * One provider's client options, and where each came from. Each value comes from, first to last: the flag
 * (--base-url), the profile named by --profile or AGENTRUNS_PROFILE, the env var the client reads (`DUVO_API_KEY`,
 * `DUVO_BASE_URL`, …), the config file's default profile.
 */
export function resolveSettings(
  provider: ConfigProvider,
  selection: Selection,
  env: Env,
  config: ConfigFile,
  path: string,
): { options: Record<string, string>; sources: Record<string, Source> } {
  const named = selection.profile ?? env.AGENTRUNS_PROFILE;
  if (named !== undefined && !config.profiles?.[named])
    throw new ConfigError(
      `no profile "${named}" in ${path}` +
        (config.profiles ? ` (profiles: ${Object.keys(config.profiles).join(", ") || "none"})` : ""),
    );
  const defaultName = config.default_profile ?? "default";
  const chosen = named === undefined ? {} : (config.profiles![named]![provider.id] ?? {});
  const fallback = named === undefined ? (config.profiles?.[defaultName]?.[provider.id] ?? {}) : {};
  const options: Record<string, string> = {};
  const sources: Record<string, Source> = {};
  const pick = (option: string, candidates: [Source, string | undefined][]) => {
    const found = candidates.find(([, value]) => value !== undefined && value !== "");
    if (found) [options[option], sources[option]] = [found[1]!, found[0]];
  };
  for (const c of provider.credentials)
    pick(c.option, [
      [`profile ${named}`, chosen[c.option]],
      [`env ${c.env}`, env[c.env]],
      [`profile ${defaultName}`, fallback[c.option]],
    ]);
  pick("baseUrl", [
    ["--base-url", selection.baseUrl],
    [`profile ${named}`, chosen.baseUrl],
    ...provider.baseUrlEnv.map((name): [Source, string | undefined] => [`env ${name}`, env[name]]),
    [`profile ${defaultName}`, fallback.baseUrl],
  ]);
  return { options, sources };
}

/**
 * What a provider still needs before a call can be made, of the options resolved: its required credentials, and
 * `baseUrl` when its spec names no server. The one rule of "configured", for agentruns-mcp and the CLI alike.
 */
export function missingSettings(
  provider: ConfigProvider,
  options: Readonly<Record<string, string>>,
): string[] {
  const required = provider.requiredOptions ?? provider.credentials.map((c) => c.option);
  const missing = required.filter((option) => !options[option]);
  if (provider.serverUrl === null && !options.baseUrl) missing.push("baseUrl");
  return missing;
}

/** The error for a setting that no source supplied (a credential, or the base URL): says every place it could come from. */
export function missingCredential(provider: ConfigProvider, option: string, path: string): ConfigError {
  const where = `under profiles.<name>.${provider.id} in ${path}`;
  if (option === "baseUrl")
    return new ConfigError(
      `${provider.title} needs a base URL (its spec names no server): set ${provider.baseUrlEnv[0] ?? "its base-URL env var"}, ` +
        `pass --base-url, or add "baseUrl" ${where}`,
    );
  const c = provider.credentials.find((x) => x.option === option)!;
  return new ConfigError(`${provider.title} needs ${option}: set ${c.env}, or add "${option}" ${where}`);
}
