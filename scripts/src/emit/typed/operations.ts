// src/generated/operations.ts: the operation table, what each operation sends and accepts, for input validation and
// retry decisions at run time; one exported constant per operation so each tree-shakes on its own.
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

type Json = Record<string, any>;

export const operations: Emitter = ({ provider: d, operations: table, constants: names }) => [
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
      constants(table, names) +
      `/** Every operation of the spec by operationId. */\n` +
      `export const operationTable: { readonly [K in keyof operations]: OperationSpec<K> } = {\n` +
      Object.keys(table)
        .map((id) => `  ${JSON.stringify(id)}: ${names.get(id)},`)
        .join("\n") +
      `\n};\n`,
  },
];

/**
 * One exported constant per operation, so a consumer that uses one operation bundles only its entry; the table
 * refers to them.
 */
function constants(table: Readonly<Record<string, Json>>, names: ReadonlyMap<string, string>): string {
  let out = "";
  for (const [id, spec] of Object.entries<Json>(table)) {
    out += `/** ${spec.method} ${String(spec.path).replace(/\*\//g, "*\\/")} */\nexport const ${names.get(id)}: OperationSpec<${JSON.stringify(id)}> = ${JSON.stringify(spec, null, 2)};\n\n`;
  }
  return out;
}
