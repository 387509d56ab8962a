// Entry point of the generated package: the spec's types, the typed client and the provider's facts.
export type * from "./generated/schema.js";
export type * from "./generated/names.js";
export { provider, type Credentials, type ServerVariables } from "./generated/provider.js";
// The operation table, and one `<operationId>Operation` constant per operation (each tree-shakes on its own).
export * from "./generated/operations.js";
export { createClient, defaultServerUrl, type ApiClient, type CreateClientOptions } from "./client.js";
export {
  AgentRunsError,
  chooseSchemes,
  InvalidCredentialError,
  MissingBaseUrlError,
  MissingCredentialError,
  ValidationError,
  type TokenProvider,
} from "./auth.js";
