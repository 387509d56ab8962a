// Vendored by scripts/generate.ts from packages/core/src/wire/errors.ts, the one implementation of the wire rules.
// Do not edit by hand: change packages/core/src/wire/ and run `pnpm generate`.
// The root of the error family, and the errors of configuration (credentials, base URL), declared once: the core
// throws them and each typed package carries a vendored copy, so both name a problem the same way.

/** Base of every error thrown by @agentruns clients. */
export class AgentRunsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Invalid input or options, thrown before any network I/O. `field` names the offending argument (`query.limit`). */
export class ValidationError extends AgentRunsError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A credential an operation needs was neither passed nor set in the environment. */
export class MissingCredentialError extends ValidationError {
  constructor(
    /** The client option that was missing. */
    readonly option: string,
    /** The env var that would have supplied it. */
    readonly envVar: string,
    message: string,
  ) {
    super(message, option);
  }
}

/** A credential HTTP cannot carry (a line break, another control character, a non-ASCII character); never shows it. */
export class InvalidCredentialError extends ValidationError {
  constructor(
    /** The client option that holds it. */
    readonly option: string,
    message: string,
  ) {
    super(message, option);
  }
}

/** No base URL was given and the spec names no server to default to. */
export class MissingBaseUrlError extends ValidationError {
  constructor(message: string) {
    super(message, "baseUrl");
  }
}
