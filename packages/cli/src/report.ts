// How a failure is told on stderr and which exit code it gets (the messages of the clients' typed errors).
import { AgentRunsError, ApiAbortError, ValidationError } from "@agentruns/core";
import { CommanderError } from "commander";
import { EXIT, Interrupted, UsageError } from "./exit-codes.js";

/** One line: the error's own message (the clients' errors never hold credentials), with its kind when useful. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) return `invalid input: ${error.message}`;
  if (error instanceof AgentRunsError) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** 2 for usage (bad flags, bad config, input the spec rejects: nothing was sent), 130 for Ctrl-C, 1 otherwise. */
export function exitCodeFor(error: unknown, interrupted: boolean): number {
  if (error instanceof Interrupted || (interrupted && error instanceof ApiAbortError))
    return EXIT.interrupted;
  if (error instanceof UsageError || error instanceof ValidationError) return EXIT.usage;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  // A credential that cannot be sent (a control character in it) is a configuration mistake.
  if (error instanceof Error && error.name === "InvalidCredentialError") return EXIT.usage;
  if (interrupted) return EXIT.interrupted;
  return EXIT.api;
}
