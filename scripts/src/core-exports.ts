// What the generated ergonomic entry re-exports from the core, read from the core's own sources (never a copy of
// its export list): every export of `@agentruns/core/errors`, and the core types the entry names for its users.
import ts from "typescript";
import { CORE_ERRORS as ERRORS } from "./repo-paths.js";

/** The core types an ergonomic package's entry re-exports beside the errors (what its methods return and take). */
export const REEXPORTED_TYPES = [
  "APIPromise",
  "EventStream",
  "JsonLinesStream",
  "Page",
  "PagePromise",
  "RequestOptions",
  "StreamEvent",
  "WithResponse",
] as const;

let errors: readonly string[] | undefined;

/** Every name `packages/core/src/errors.ts` exports (its re-exports included), as TypeScript resolves them. */
export function coreErrorExports(): readonly string[] {
  if (errors) return errors;
  const program = ts.createProgram([ERRORS], { noEmit: true, noResolve: false, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(ERRORS)!)!;
  errors = checker
    .getExportsOfModule(module)
    .map((s) => s.getName())
    .sort();
  return errors;
}

/** The names an ergonomic entry takes from the core, which a spec's type may not take there. */
export const coreExports = (): readonly string[] => [...coreErrorExports(), ...REEXPORTED_TYPES];
