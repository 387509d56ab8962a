// src/generated/operations.ts: the operation table, what each operation sends and accepts, for input validation and
// retry decisions at run time; one exported constant per operation so each tree-shakes on its own.
import type { Emitter } from "../emitter.js";
import { commentSafe, header } from "../header.js";

type Json = Record<string, any>;

export const operations: Emitter = ({ provider: d, operations: table, constants: names, perOperation }) => [
  {
    path: "src/generated/operations.ts",
    // Megabytes for a large spec (DocuSign's 6 MB table: prettier took 9 of its 13 s).
    verbatim: true,
    text:
      header(d) +
      `// Why: what each operation sends and accepts, for input validation and retry decisions at run time.\n` +
      `import type { operations } from "./schema.js";\n\n` +
      `import type { OperationEntry } from "../vendor/wire/operation.js";\n\n` +
      `export type { ParamSpec, Rule } from "../vendor/wire/operation.js";\n` +
      `/** One entry of the operation table: the wire model's OperationEntry (see vendor/wire/operation.ts). */\n` +
      `export type OperationSpec<Id extends string = string> = OperationEntry<Id>;\n\n` +
      (perOperation
        ? // The per-operation layout holds each constant in its group's module: imported, not written twice.
          [...perOperation.groups]
            .map(
              ([file, ids]) =>
                `import { ${ids.map((id) => names.get(id)).join(", ")} } from "./ops/${file}.js";\n`,
            )
            .join("") +
          `\nexport {\n${Object.keys(table)
            .map((id) => `  ${names.get(id)},\n`)
            .join("")}};\n\n`
        : `/** An operation's entry from its JSON (see the note on the constants in the generator's emitter). */\n` +
          `function parse(json: string): any {\n  return JSON.parse(json);\n}\n\n` +
          constants(table, names)) +
      `/** Every operation of the spec by operationId. */\n` +
      `export const operationTable: ${TABLE} = /* @__PURE__ */ tableOf();\n\n` +
      `function tableOf(): ${TABLE} {\n  return {\n` +
      Object.keys(table)
        .map((id) => `    ${JSON.stringify(id)}: ${names.get(id)},`)
        .join("\n") +
      `\n  };\n}\n`,
  },
];

const TABLE = "{ readonly [K in keyof operations]: OperationSpec<K> }";

/**
 * One exported constant per operation, so a consumer that uses one operation bundles only its entry; the table
 * refers to them. Each is its JSON parsed (pure, so a bundler drops the unused ones): TypeScript takes the declared
 * type as it is instead of checking a literal against it, which for 11,000 operations was five times the cost of
 * type-checking the spec's own types, and engines parse JSON faster than the same object literal.
 *
 * Every reference to a variable at a module's top level (`JSON`, or a constant in the table) makes TypeScript's flow
 * analysis walk back over each statement before it, so 11,000 of them cost time quadratic in the operations: Microsoft
 * Graph's typed package took 11 s to check instead of 4.6. The parse goes through a function declaration (never
 * narrowed, so not walked), and the table is built inside one, where a walk ends at the function's start.
 */
function constants(table: Readonly<Record<string, Json>>, names: ReadonlyMap<string, string>): string {
  let out = "";
  for (const [id, spec] of Object.entries<Json>(table)) out += constantStatement(id, spec, names.get(id)!);
  return out;
}

/** One operation's exported constant, its JSON parsed by `parse`, typed `type<"operationId">`. */
export function constantStatement(
  id: string,
  spec: Json,
  name: string,
  parse = "parse",
  type = "OperationSpec",
): string {
  return (
    `/** ${spec.method} ${commentSafe(String(spec.path))} */\n` +
    `export const ${name}: ${type}<${JSON.stringify(id)}> = /* @__PURE__ */ ${parse}(${quoted(JSON.stringify(spec))});\n\n`
  );
}

/** `text` as a single-quoted JavaScript string (JSON's own double quotes stay as they are). */
const quoted = (text: string): string =>
  `'${text
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")}'`;
