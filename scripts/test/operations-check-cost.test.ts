// The operation table's type-check cost stays linear in the operations: at a module's top level, every reference to a
// variable (the global `JSON`, or a constant named in the table) makes TypeScript's flow analysis walk back over each
// statement before it, which for Microsoft Graph's 11,422 operations took 11 s to check instead of 4.6 s. So no
// top-level statement of a generated operations.ts may refer to a variable: each constant is a call of a function
// declaration with its JSON, and the table is built inside a function declaration.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { providers } from "../providers.js";

const repo = path.resolve(import.meta.dirname, "../..");

/** The identifiers read in `node` outside any function body (a function's own walk stops at its start). */
function topLevelReads(node: ts.Node, out: string[] = []): string[] {
  if (ts.isFunctionLike(node)) return out;
  if (ts.isIdentifier(node) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
    out.push(`${node.text}()`);
  } else if (ts.isIdentifier(node) && !isDeclarationName(node)) out.push(node.text);
  ts.forEachChild(node, (child) => void topLevelReads(child, out));
  return out;
}

const isDeclarationName = (node: ts.Identifier): boolean =>
  (ts.isVariableDeclaration(node.parent) || ts.isFunctionDeclaration(node.parent)) &&
  node.parent.name === node;

describe.each(providers.map((p) => [p.id] as const))("%s operations.ts", (id) => {
  it("reads no variable at the top level: constants call a function declaration, the table is built in one", async () => {
    const file = path.join(repo, "packages", `${id}-openapi`, "src", "generated", "operations.ts");
    const source = ts.createSourceFile(file, await readFile(file, "utf8"), ts.ScriptTarget.Latest, true);
    const functions = new Set(
      source.statements.filter(ts.isFunctionDeclaration).map((f) => f.name?.text ?? ""),
    );
    const constants = source.statements.filter(ts.isVariableStatement);
    expect(constants.length).toBeGreaterThan(1);
    for (const statement of constants) {
      // Type references are not reads; only the initializers are walked.
      const reads = statement.declarationList.declarations.flatMap((d) =>
        d.initializer ? topLevelReads(d.initializer) : [],
      );
      expect(reads.length, statement.getText().slice(0, 120)).toBe(1);
      expect(reads[0]!.endsWith("()") && functions.has(reads[0]!.slice(0, -2)), reads[0]).toBe(true);
    }
    const table = constants.at(-1)!.declarationList.declarations[0]!;
    expect(table.name.getText()).toBe("operationTable");
  });
});
