// What every command runs with: streams, env, config, the Ctrl-C signal, client construction and secret redaction.
import type { Writable } from "node:stream";
import { redactor, type BaseClient } from "@agentruns/core";
import { configPath, loadConfig, missingCredential, resolveSettings, type ConfigFile } from "./config.js";
import type { CliProvider } from "./providers.js";

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

export class Context {
  #config: ConfigFile | undefined;
  #secrets = new Set<string>();
  #redact: (text: string) => string = (t) => t;

  constructor(
    readonly io: Io,
    readonly flags: GlobalFlags,
  ) {}

  get configPath(): string {
    return this.flags.config ?? configPath(this.io.env);
  }

  get config(): ConfigFile {
    return (this.#config ??= loadConfig(this.configPath));
  }

  /** The provider's options and where each came from. */
  settings(provider: CliProvider) {
    return resolveSettings(
      provider,
      { profile: this.flags.profile, baseUrl: this.flags.baseUrl },
      this.io.env,
      this.config,
      this.configPath,
    );
  }

  /** Whether every credential `provider` needs has a source (flags, profile, env). */
  configured(provider: CliProvider): boolean {
    const settings = this.settings(provider).options;
    return provider.definition.requiredOptions.every((option) => settings[option] !== undefined);
  }

  /** A client of `provider` with its settings resolved; a missing credential is a usage error naming its sources. */
  client(provider: CliProvider): BaseClient<any, any> {
    const settings = this.settings(provider).options;
    for (const option of provider.definition.requiredOptions)
      if (settings[option] === undefined) throw missingCredential(provider, option, this.configPath);
    for (const c of provider.definition.credentials) {
      const value = settings[c.option];
      if (value) this.#secrets.add(value);
    }
    this.#redact = redactor([...this.#secrets]);
    const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
      this.error(`[${provider.id}] ${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ""}`);
    return provider.create({
      ...settings,
      env: {}, // resolved above: flags, profile, env vars
      ...(this.flags.verbose
        ? {
            logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") },
            logLevel: "debug",
          }
        : {}),
    });
  }

  /** Removes every credential the CLI has read from `text`. */
  redact(text: string): string {
    return this.#redact(text);
  }

  /** One line on stderr, credentials removed. */
  error(line: string): void {
    this.io.stderr.write(`${this.redact(line)}\n`);
  }
}
