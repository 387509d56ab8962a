// What every command runs with: streams, env, config, the Ctrl-C signal, client construction and secret redaction.
import type { Writable } from "node:stream";
import { redactor, type BaseClient } from "@agentruns/core";
import type { Transport } from "@agentruns/core";
import { undiciTransport } from "@agentruns/core/undici";
import {
  configPath,
  loadConfig,
  missingCredential,
  missingSettings,
  resolveSettings,
  type ConfigFile,
} from "./config.js";
import type { ApiProvider } from "./providers.js";

export interface Io {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Aborted by Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal;
}

export interface GlobalFlags {
  profile?: string;
  config?: string;
  verbose?: boolean;
  color?: boolean;
  baseUrl?: string;
}

/** Env values whose names say they are credentials: removed from what is printed even before a client reads them. */
/** Whether a name (an env var's, a header's) is one credentials go by: its value is kept out of all output. */
export const credentialNamed = (name: string): boolean =>
  /KEY|TOKEN|SECRET|APPLICATION_ID|AUTH|PASSWORD|COOKIE/i.test(name);

export const envSecrets = (env: NodeJS.ProcessEnv): string[] =>
  Object.entries(env)
    .filter(([name, value]) => value && credentialNamed(name))
    .map(([, value]) => value!);

export class Context {
  #config: ConfigFile | undefined;
  #transport: Transport | undefined;
  readonly #secrets: Set<string>;
  #redact: (text: string) => string;

  constructor(
    readonly io: Io,
    readonly flags: GlobalFlags,
  ) {
    this.#secrets = new Set(envSecrets(io.env));
    this.#redact = redactor([...this.#secrets]);
  }

  get configPath(): string {
    return this.flags.config ?? configPath(this.io.env);
  }

  get config(): ConfigFile {
    return (this.#config ??= loadConfig(this.configPath));
  }

  /** The provider's options and where each came from. */
  settings(provider: ApiProvider) {
    return resolveSettings(
      provider,
      { profile: this.flags.profile, baseUrl: this.flags.baseUrl },
      this.io.env,
      this.config,
      this.configPath,
    );
  }

  /** The settings `provider` needs that no source (flags, profile, env) supplies: credentials, a base URL. */
  missing(provider: ApiProvider): string[] {
    return missingSettings(provider, this.settings(provider).options);
  }

  /** Whether every setting `provider` needs has a source: its calls can be made. */
  configured(provider: ApiProvider): boolean {
    return this.missing(provider).length === 0;
  }

  /** A client of `provider` with its settings resolved; a missing credential is a usage error naming its sources. */
  client(provider: ApiProvider): BaseClient<any> {
    const settings = this.settings(provider).options;
    const [missing] = missingSettings(provider, settings);
    if (missing !== undefined) throw missingCredential(provider, missing, this.configPath);
    for (const c of provider.definition.credentials) {
      const value = settings[c.option];
      if (value) this.secret(value);
    }
    const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
      this.error(`[${provider.id}] ${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ""}`);
    return provider.create({
      ...settings,
      env: {}, // resolved above: flags, profile, env vars
      // Node's own HTTP client underneath (the CLI runs on Node only): listings of 100,000 runs spend less time in HTTP.
      transport: (this.#transport ??= undiciTransport({ undici: () => import("undici") })),
      ...(this.flags.verbose
        ? {
            logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") },
            logLevel: "debug",
          }
        : {}),
    });
  }

  /** Keeps `value` out of every line the CLI writes from now on. */
  secret(value: string): void {
    if (!value || this.#secrets.has(value)) return;
    this.#secrets.add(value);
    this.#redact = redactor([...this.#secrets]);
  }

  /** Removes every credential the CLI has read (and every credential-named env value) from `text`. */
  redact(text: string): string {
    return this.#redact(text);
  }

  /** One line on stderr, credentials removed. */
  error(line: string): void {
    this.io.stderr.write(`${this.redact(line)}\n`);
  }
}
