// What the generated ergonomic entry re-exports from the core, read from the core's own sources (never a copy of
// its export list): every export of `@agentruns/core/errors`, and the core types the entry names for its users.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { CORE_ERRORS } from "./repo-paths.js";

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

/**
 * Every name `packages/core/src/errors.ts` exports, its `export * from` modules followed, read from the syntax alone
 * (a type-checker program for one file loads TypeScript's libraries: half a second of every generation).
 */
export function coreErrorExports(): readonly string[] {
  return (errors ??= [...exportsOf(CORE_ERRORS, new Set())].sort());
}

function exportsOf(file: string, seen: Set<string>): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const s of source.statements) {
    if (ts.isExportDeclaration(s)) {
      const from =
        s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : undefined;
      if (!s.exportClause && from) {
        const target = path.resolve(path.dirname(file), from.replace(/\.js$/, ".ts"));
        for (const n of exportsOf(target, seen)) names.add(n);
      } else if (s.exportClause && ts.isNamedExports(s.exportClause))
        for (const e of s.exportClause.elements) names.add(e.name.text);
    } else if (
      exported(s) &&
      (ts.isClassDeclaration(s) ||
        ts.isFunctionDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s)) &&
      s.name
    )
      names.add(s.name.text);
    else if (exported(s) && ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
  }
  return names;
}

/** The names an ergonomic entry takes from the core, which a spec's type may not take there. */
export const coreExports = (): readonly string[] => [...coreErrorExports(), ...REEXPORTED_TYPES];
