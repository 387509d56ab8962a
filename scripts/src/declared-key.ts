// A credential the spec sends as a plain parameter (ElevenLabs' `xi-api-key` header, declared on every operation
// and in no security scheme) becomes what it is: an apiKey security scheme, so it is a client option and an env var,
// redacted and never logged like any credential, instead of an argument of every method.
import { resolveRef } from "./json-ref.js";
import { InputError } from "./input-error.js";
import { HTTP_METHODS as METHODS } from "./http-methods.js";

type Json = Record<string, any>;

/** A providers.ts declaration: the parameter that carries the key. */
export interface KeyParameter {
  in: "header" | "query" | "cookie";
  /** The parameter's name on the wire (`xi-api-key`). */
  name: string;
  /**
   * Whether a call without the key is refused before it is sent. Default: as the spec's parameter says (FastAPI marks
   * a `Header(None)` key optional, and the call then goes without it).
   */
  required?: boolean;
}

/** The scheme name a declared key gets: its option is `apiKey`, its env var `<ID>_API_KEY`. */
export const DECLARED_SCHEME = "apiKey";

const matches = (doc: Json, param: Json, key: KeyParameter): boolean => {
  const p = resolveRef(doc, param);
  return p?.in === key.in && String(p?.name).toLowerCase() === key.name.toLowerCase();
};

/**
 * `doc` with the key's parameter removed from every operation and path item that declares it, and those operations
 * requiring (or, where it was optional, accepting) an apiKey scheme under its name. `entry` names the provider and
 * its spec in errors.
 */
export function declareKey(doc: Json, key: KeyParameter, entry: { id: string; spec: string }): Json {
  const schemes: Json = ((doc.components ??= {}).securitySchemes ??= {});
  if (schemes[DECLARED_SCHEME])
    throw new InputError(
      `scripts/providers.ts, ${entry.id}.keyParameter: ${entry.spec} already has a security scheme named ` +
        `"${DECLARED_SCHEME}"; declare the key with an overlay instead`,
    );
  let found = 0;
  let description: unknown;
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    const shared = (item.parameters ?? []) as Json[];
    const onItem = shared.find((p) => matches(doc, p, key));
    if (onItem) item.parameters = shared.filter((p) => p !== onItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const own = ((op.parameters ?? []) as Json[]).find((p) => matches(doc, p, key));
      const param = own ?? onItem;
      if (!param) continue;
      found++;
      description ??= resolveRef(doc, param)?.description;
      if (own) op.parameters = (op.parameters as Json[]).filter((p) => p !== own);
      const required = key.required ?? resolveRef(doc, param)?.required === true;
      const requirement = { [DECLARED_SCHEME]: [] };
      const existing = (op.security ?? doc.security) as Json[] | undefined;
      const alternatives = existing?.length ? existing.map((r) => ({ ...r, ...requirement })) : [requirement];
      op.security = required ? alternatives : [...alternatives, {}];
    }
  }
  if (!found)
    throw new InputError(
      `scripts/providers.ts, ${entry.id}.keyParameter: no operation of ${entry.spec} has the ${key.in} parameter ` +
        `"${key.name}"`,
    );
  schemes[DECLARED_SCHEME] = {
    type: "apiKey",
    in: key.in,
    name: key.name,
    ...(typeof description === "string" ? { description } : {}),
  };
  return doc;
}
