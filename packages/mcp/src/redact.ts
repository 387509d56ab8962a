// The one redaction of everything the server emits: every credential value it was given becomes `[redacted]` in
// every JSON-RPC message it sends (results, errors, notifications, tool lists) and every line it logs, as property
// names as well as values, plain, URL-encoded and JSON-escaped, and inside the base64 of binary content.
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { redactor } from "@agentruns/core";
import type { ProviderBinding } from "./catalog.js";

export interface Redaction {
  /** `text` with every form of every secret replaced. */
  text(text: string): string;
  /** A copy of `value` with every string, property name and base64 payload redacted (the same value when clean). */
  value<T>(value: T): T;
  /** Bytes with every secret's bytes replaced (a copy when any was found). */
  bytes(bytes: Uint8Array): Uint8Array;
}

const MARK = "[redacted]";

/** Every string a provider binding's options hold as a credential. */
export function secretsOf(providers: readonly ProviderBinding[]): string[] {
  const values: string[] = [];
  for (const p of providers) {
    for (const c of p.tools.provider.credentials) {
      const v = p.options?.[c.option];
      if (typeof v === "string") values.push(v);
    }
  }
  return values;
}

/** The forms a secret takes in bytes (what `redactor` replaces in text), longest first. */
function byteForms(secrets: readonly string[]): Buffer[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < 4) continue;
    forms.add(s).add(encodeURIComponent(s)).add(JSON.stringify(s).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length).map((f) => Buffer.from(f, "utf8"));
}

/** Replaces each occurrence of `form` in `buffer`; the same buffer when there is none. */
function replaceBytes(buffer: Buffer, form: Buffer, mark: Buffer): Buffer {
  let at = buffer.indexOf(form);
  if (at < 0) return buffer;
  const parts: Buffer[] = [];
  let from = 0;
  for (; at >= 0; at = buffer.indexOf(form, from)) {
    parts.push(buffer.subarray(from, at), mark);
    from = at + form.length;
  }
  parts.push(buffer.subarray(from));
  return Buffer.concat(parts);
}

/** MCP content whose base64 payload is a field: image and audio (`data`), embedded blob resources (`blob`). */
const BASE64_FIELD = (o: Record<string, unknown>): "data" | "blob" | undefined =>
  (o.type === "image" || o.type === "audio") && typeof o.data === "string"
    ? "data"
    : typeof o.blob === "string" && typeof o.uri === "string"
      ? "blob"
      : undefined;

/** The redaction of `secrets` (values under 4 characters are left alone: they would match ordinary words). */
export function redaction(secrets: readonly string[]): Redaction {
  const text = redactor(secrets);
  const forms = byteForms(secrets);
  const mark = Buffer.from(MARK);
  const bytes = (input: Uint8Array): Uint8Array => {
    const start = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let out = start;
    for (const form of forms) out = replaceBytes(out, form, mark);
    return out === start ? input : out;
  };
  const base64 = (payload: string): string => {
    const raw = Buffer.from(payload, "base64");
    const clean = bytes(raw);
    return clean === raw ? payload : Buffer.from(clean).toString("base64");
  };
  const deep = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(deep);
    if (!v || typeof v !== "object") return v;
    const source = v as Record<string, unknown>;
    const field = BASE64_FIELD(source);
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(source)) {
      let name = text(key);
      // Two names that redact alike stay two properties.
      for (let n = 2; name !== key && Object.hasOwn(out, name); n++) name = `${text(key)} (${n})`;
      out[name] = key === field ? base64(x as string) : deep(x);
    }
    return out;
  };
  if (!forms.length) return { text, value: (v) => v, bytes: (b) => b };
  return { text, value: <T>(v: T) => deep(v) as T, bytes };
}

/**
 * `transport` with every message it sends passed through `redact` first: the server's output boundary, so that no
 * tool, extra or notification can send a credential, however it was written.
 */
export function guardOutput<T extends Transport>(transport: T, redact: Redaction): T {
  const send: Transport["send"] = (message, options) => transport.send(redact.value(message), options);
  return new Proxy(transport, {
    get: (target, key) => (key === "send" ? send : Reflect.get(target, key, target)),
  });
}
