// Vendored by scripts/generate.ts from packages/core/src/wire/index.ts, the one implementation of the wire rules.
// Do not edit by hand: change packages/core/src/wire/ and run `pnpm generate`.
// `@agentruns/core/wire`: the wire rules with no dependency (operation-table types, credentials, header values,
// configuration errors), which `pnpm generate` vendors into every typed package so both clients share one copy.
export type { HttpMethod, OperationEntry, OperationSpec, ParamSpec, ParamStyle, Rule } from "./operation.js";
export {
  cookieParts,
  headerValue,
  pathValue,
  queryParts,
  routeOf,
  target,
  type Serialization,
  type WireRoute,
} from "./params.js";
export * from "./errors.js";
export { CONTROL, unsendable } from "./header-value.js";
export {
  checkCredential,
  chooseAlternative,
  cookiePair,
  missingCredential,
  place,
  placeCredentials,
  readCredentials,
  resolveValues,
  type CredentialFacts,
  type CredentialSource,
  type CredentialValue,
  type Naming,
  type Placement,
  type TokenProvider,
} from "./credentials.js";
export {
  chooseBaseUrl,
  defaultServerUrl,
  missingBaseUrl,
  withServerPath,
  type ServerFacts,
} from "./base-url.js";
