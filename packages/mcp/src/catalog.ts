// The tools a server offers: every generated tool of the chosen providers plus the hand-written ones, filtered by
// --read-only and --tools, each bound to its provider's client (built once, on first use).
import type { BaseClient, ProviderTools, ToolSpec } from "@agentruns/core";

/** A tool written by hand (src/extras/): its definition, and the call it makes with its provider's client. */
export interface ExtraTool {
  readonly spec: Omit<ToolSpec, "args" | "operationId" | "method" | "path"> & { readonly args?: undefined };
  call(client: BaseClient<any>, args: Record<string, unknown>, context: CallContext): Promise<ExtraAnswer>;
}

/** What a hand-written tool can use while it runs. */
export interface CallContext {
  readonly signal: AbortSignal;
  /** Reports progress to a client that asked for it (a no-op otherwise). */
  progress(progress: number, total: number | undefined, message: string): Promise<void>;
  /** Interval between polls of waiting tools, in ms. */
  readonly pollIntervalMs?: number | undefined;
  /** Tells clients that the tool list (a description) changed. */
  listChanged(): void;
}

/** A hand-written tool's answer: JSON (structured when it is an object), with an optional note for the model. */
export interface ExtraAnswer {
  readonly data: unknown;
  readonly note?: string | undefined;
  /** The call changed what `describe` says: the server tells clients the tool list changed. */
  readonly listChanged?: boolean;
}

/** A provider's hand-written tools, and what they add to the generated ones' descriptions. */
export interface ProviderExtras {
  readonly tools: readonly ExtraTool[];
  /** Text to append to a tool's description now (the pending human requests a wait has seen). */
  describe?(name: string): string | undefined;
  /** Called after every call of one of the provider's tools; true when `describe` changed. */
  after?(name: string, args: Record<string, unknown>, ok: boolean): boolean;
}

/** One provider, its tools, and the options its client is built with. */
export interface ProviderBinding {
  readonly tools: ProviderTools;
  /** Client options: credentials, baseUrl, and any other option of the client (retries, timeouts, fetch). */
  readonly options?: Record<string, unknown>;
  readonly extras?: ProviderExtras;
}

export interface CatalogEntry {
  readonly spec: ToolSpec | ExtraTool["spec"];
  readonly binding: ProviderBinding;
  readonly extra?: ExtraTool;
  client(): BaseClient<any>;
}

export interface CatalogOptions {
  /** Only tools that read (GET and HEAD operations, and read-only hand-written tools). */
  readOnly?: boolean;
  /** Comma-separated globs of tool names (`duvo_runs_*,avido_*`); `*` matches any run of characters. */
  tools?: string;
}

/** `a_*,b` → one anchored regular expression. */
export function globMatcher(globs: string): (name: string) => boolean {
  const parts = globs
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  if (!parts.length) return () => true;
  const escaped = parts.map((g) => g.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replace(/\*/g, ".*"));
  const re = new RegExp(`^(?:${escaped.join("|")})$`);
  return (name) => re.test(name);
}

/** Every tool the server offers, in provider order, generated tools first; names are unique. */
export function buildCatalog(
  bindings: readonly ProviderBinding[],
  options: CatalogOptions = {},
): CatalogEntry[] {
  const wanted = globMatcher(options.tools ?? "");
  const entries: CatalogEntry[] = [];
  const names = new Set<string>();
  for (const binding of bindings) {
    let client: BaseClient<any> | undefined;
    const get = () => (client ??= new binding.tools.Client(binding.options ?? {}) as BaseClient<any>);
    const candidates: { spec: CatalogEntry["spec"]; extra?: ExtraTool }[] = [
      ...binding.tools.tools.map((spec) => ({ spec })),
      ...(binding.extras?.tools ?? []).map((extra) => ({ spec: extra.spec, extra })),
    ];
    for (const { spec, extra } of candidates) {
      if (options.readOnly && !spec.annotations.readOnlyHint) continue;
      if (!wanted(spec.name)) continue;
      if (names.has(spec.name)) throw new Error(`two tools are named ${spec.name}`);
      names.add(spec.name);
      entries.push({ spec, binding, client: get, ...(extra ? { extra } : {}) });
    }
  }
  return entries;
}
