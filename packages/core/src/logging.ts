// Optional request logging: one line per attempt, levels, and credentials never printed.

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with these methods: `console`, pino, winston, … */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 99 };

export type Log = (level: Exclude<LogLevel, "off">, message: string, meta?: Record<string, unknown>) => void;

/** A log function that drops lines under `level` and removes every secret from what it prints. */
export function createLog(
  logger: Logger | undefined,
  level: LogLevel,
  redact: (text: string) => string,
): Log {
  if (!logger || level === "off") return () => {};
  const min = RANK[level];
  return (lineLevel, message, meta) => {
    if (RANK[lineLevel] < min) return;
    const safe = meta && JSON.parse(redact(JSON.stringify(meta)));
    logger[lineLevel](redact(message), safe);
  };
}

/** A function that replaces each secret (of 4+ characters), as written or URL-encoded, wherever it occurs. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < 4) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  // Longest first, so a secret's encoded form is not half-replaced through the plain one.
  const live = [...forms].sort((a, b) => b.length - a.length);
  if (!live.length) return (t) => t;
  return (text) => {
    for (const s of live) if (text.includes(s)) text = text.split(s).join("[redacted]");
    return text;
  };
}

/** Request headers for a debug line, with credential headers masked. */
export function safeHeaders(headers: Headers, credentialHeaders: readonly string[]): Record<string, string> {
  const masked = new Set(credentialHeaders.map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = masked.has(name.toLowerCase()) ? "[redacted]" : value));
  return out;
}
