// The documented exit codes of `agentruns`, and the errors that choose them.

/** 0 ok, 1 an API or network error, 2 a usage error (nothing was sent), 3 partial results, 130 interrupted. */
export const EXIT = { ok: 0, api: 1, usage: 2, partial: 3, interrupted: 130 } as const;

/** A mistake in the command line or the configuration: exit 2, and nothing was sent. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The user pressed Ctrl-C (or the process got SIGTERM): exit 130 after what was printed is closed properly. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
  constructor() {
    super("interrupted");
  }
}

/** The reader of stdout went away (`agentruns runs list | head`): stop quietly, exit 0, like other Unix tools. */
export class OutputClosed extends Error {
  override readonly name = "OutputClosed";
  constructor() {
    super("stdout was closed by its reader");
  }
}
