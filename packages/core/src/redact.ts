// Credentials out of every field of an error: header copies, cause chains and their messages, with the codes kept.
type Redact = (text: string) => string;

/** A copy of `headers` with every value passed through `redact`. */
export function redactHeaders(headers: Headers, redact: Redact): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, redact(value)));
  return out;
}

const KEPT = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/**
 * A copy of an error's cause chain (at most 5 deep) whose messages and stacks are redacted; the diagnostic fields
 * (`code`, `errno`, `syscall`, `address`, `port`, `hostname`) are kept so the cause stays useful.
 */
export function redactCause(error: unknown, redact: Redact, depth = 0): unknown {
  if (error === undefined || error === null) return error;
  if (typeof error !== "object") return redact(String(error));
  if (depth >= 5) return undefined;
  const e = error as Record<string, unknown> & { message?: unknown; name?: unknown; stack?: unknown };
  const copy = new Error(redact(String(e.message ?? "")));
  Object.defineProperty(copy, "name", {
    value: String(e.name ?? "Error"),
    enumerable: false,
    configurable: true,
  });
  copy.stack = typeof e.stack === "string" ? redact(e.stack) : copy.stack;
  for (const key of KEPT) {
    const v = e[key];
    if (typeof v === "number" || typeof v === "string") {
      (copy as unknown as Record<string, unknown>)[key] = typeof v === "string" ? redact(v) : v;
    }
  }
  if (e.cause !== undefined) copy.cause = redactCause(e.cause, redact, depth + 1);
  return copy;
}

type Cause = { message?: unknown; code?: unknown; cause?: unknown };

/** An error and its causes, outermost first, at most 5 of them (objects only). */
export function* causeChain(error: unknown): Generator<Cause> {
  let e = error as Cause | undefined;
  for (let i = 0; e && typeof e === "object" && i < 5; e = e.cause as Cause | undefined, i++) yield e;
}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:9)": the top message and, when it differs, the deepest cause. */
export function describeFailure(error: unknown): string {
  const top = (error as Error)?.message ?? String(error);
  let deepest: Cause | undefined;
  for (const e of causeChain((error as Cause | undefined)?.cause)) {
    if (typeof e.message === "string" && e.message) deepest = e;
  }
  if (!deepest) return top;
  const detail = String(deepest.message);
  const code = typeof deepest.code === "string" && !detail.includes(deepest.code) ? `${deepest.code}: ` : "";
  return detail === top ? top : `${top} (${code}${detail})`;
}
