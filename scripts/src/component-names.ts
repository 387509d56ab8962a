// The names the typed package exports each component under (the spec's own, made identifiers), and the names they
// must not take: TypeScript's reserved words and the package's own exports.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { identifier } from "./identifier.js";
import type { ProviderDescriptor } from "./provider.js";
import { TEMPLATES } from "./repo-paths.js";
import { constantNames, OPERATIONS_EXPORTS } from "./rules.js";

const INDEX_TEMPLATE = path.join(TEMPLATES, "index.ts");

export interface ComponentAlias {
  /** The exported name (`Run`, `ResponseError`, `ParameterRunId`). */
  alias: string;
  /** The components section (`schemas`, `responses`, …). */
  section: string;
  /** The component's name in the spec. */
  name: string;
}

/** Words a type alias cannot be called, and the names schema.ts itself exports. */
export const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean number string symbol " +
    "never unknown object undefined bigint type paths components operations webhooks $defs $Schema"
  ).split(" "),
);

/**
 * One alias per component, under the spec's own name: schemas as themselves, the other sections with their
 * section as a prefix (`ResponseError`, `ParameterRunId`). A name that is not a valid identifier loses each run of
 * invalid characters and capitalizes the letter after it (`Retry-After` → `RetryAfter`; a leading digit gets `_`);
 * a reserved word, or a name taken twice, gets `_` appended.
 */
export function componentAliases(d: ProviderDescriptor, doc: Record<string, any>): ComponentAlias[] {
  const own = typedPackageExports(d);
  const sections: [string, string][] = [
    ["schemas", ""],
    ["responses", "Response"],
    ["parameters", "Parameter"],
    ["requestBodies", "RequestBody"],
    ["headers", "Header"],
  ];
  const taken = new Set<string>();
  const out: ComponentAlias[] = [];
  for (const [section, prefix] of sections) {
    for (const name of Object.keys(doc.components?.[section] ?? {})) {
      let alias = identifier(prefix + name);
      while (RESERVED.has(alias) || own.has(alias) || taken.has(alias)) alias += "_";
      taken.add(alias);
      out.push({ alias, section, name });
    }
  }
  return out;
}

/**
 * The names the typed package's entry exports besides the components (the template's export clauses, read from
 * scripts/templates/index.ts, and the operation table's module): a component named like one of them (`Rule`,
 * `createClient`, `listRunsOperation`) takes `_` instead of clashing.
 */
export function typedPackageExports(d: ProviderDescriptor): Set<string> {
  return new Set([
    ...templateExports(),
    ...OPERATIONS_EXPORTS,
    ...constantNames(d.operations.flatMap((o) => (o.operationId ? [o.operationId] : []))).values(),
  ]);
}

let exported: readonly string[] | undefined;

/** Every name scripts/templates/index.ts exports by name (`export { a, type B } from …`), parsed, never copied. */
function templateExports(): readonly string[] {
  if (exported) return exported;
  const text = readFileSync(INDEX_TEMPLATE, "utf8");
  const source = ts.createSourceFile(INDEX_TEMPLATE, text, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (ts.isNamedExports(statement.exportClause))
      for (const e of statement.exportClause.elements) names.push(e.name.text);
  }
  return (exported = names);
}
