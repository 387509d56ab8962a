// The CLI's view of @agentruns/mcp/config (where credentials and base URLs come from, shared with agentruns-mcp):
// its providers, and a config problem as a usage error (exit code 2).
import {
  ConfigError,
  configPath,
  loadConfig as load,
  missingCredential as missing,
  missingSettings as needs,
  resolveSettings as resolve,
  type ConfigFile,
  type ConfigProvider,
  type Selection,
  type Source,
} from "@agentruns/mcp/config";
import { UsageError } from "./exit-codes.js";
import { ALL_PROVIDERS, type ApiProvider } from "./providers.js";

export { configPath, type ConfigFile, type Selection, type Source };

type Env = Readonly<Record<string, string | undefined>>;

const asConfig = (p: ApiProvider): ConfigProvider => ({ id: p.id, ...p.definition });

/** `fn`'s result; a ConfigError becomes the UsageError it is on the command line. */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  }
}

/** The config file, or an empty one when it does not exist; a file that is not valid is a usage error naming it. */
export const loadConfig = (path: string): ConfigFile =>
  usage(() =>
    load(
      path,
      ALL_PROVIDERS.map((p) => p.id),
    ),
  );

/** One provider's client options, and where each came from (see @agentruns/core/config). */
export const resolveSettings = (
  provider: ApiProvider,
  selection: Selection,
  env: Env,
  config: ConfigFile,
  path: string,
): ReturnType<typeof resolve> => usage(() => resolve(asConfig(provider), selection, env, config, path));

/** What `provider` still needs before a call (its credentials, a base URL where the spec names none): one rule. */
export const missingSettings = (provider: ApiProvider, options: Readonly<Record<string, string>>): string[] =>
  needs(asConfig(provider), options);

/** The usage error for a credential that no source supplied: says every place it could come from. */
export const missingCredential = (provider: ApiProvider, option: string, path: string): UsageError =>
  new UsageError(missing(asConfig(provider), option, path).message);
