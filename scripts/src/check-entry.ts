// A providers.ts entry checked against its spec before anything is generated: every `methods`, `pagination`,
// `unwrap` and `idempotent` entry must name an operation of the spec and fit it, or generation stops naming the
// entry (a declaration that cannot work would otherwise fail at a user's first call).
import { camel } from "./identifier.js";
import { InputError } from "./input-error.js";
import { answerHasField, paginationProblems } from "./paging.js";
import type { Operation, ProviderEntry } from "./provider.js";

type Json = Record<string, any>;

export function checkEntry(entry: ProviderEntry, doc: Json, operations: readonly Operation[]): void {
  const byId = new Map(operations.map((o) => [o.operationId!, o]));
  const fail = (field: string, id: string, problem: string): never => {
    throw new InputError(`scripts/providers.ts, ${entry.id}.${field}.${id}: ${problem}`);
  };
  const operation = (field: string, id: string): Operation =>
    byId.get(id) ??
    fail(
      field,
      id,
      `${entry.spec} has no operation "${id}" (operationIds: ${[...byId.keys()].slice(0, 12).join(", ")}${byId.size > 12 ? ", …" : ""})`,
    );

  for (const [id, name] of Object.entries(entry.methods ?? {})) {
    operation("methods", id);
    const parts = name.split(".");
    if (parts.length < 2 || parts.some((p) => !p || camel(p) !== p))
      fail("methods", id, `"${name}" must be "resource.method" in lower camel case`);
  }
  for (const [id, declared] of Object.entries(entry.pagination ?? {})) {
    const op = operation("pagination", id);
    if (declared === "none") continue;
    const problems = paginationProblems(doc, op.path, op.method, declared);
    if (problems.length) fail("pagination", id, problems.join("; "));
  }
  for (const [id, field] of Object.entries(entry.unwrap ?? {})) {
    const op = operation("unwrap", id);
    if (!answerHasField(doc, op.path, op.method, field))
      fail("unwrap", id, `"${field}" is not a field of the operation's JSON answer`);
  }
  for (const id of entry.idempotent ?? []) {
    const op = operation("idempotent", id);
    if (op.method === "GET") fail("idempotent", id, "a GET is retried like this already; remove it");
  }
}
