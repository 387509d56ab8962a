// Entry point of the generated package: the spec's types, the typed client and the provider's facts.
export type * from "./generated/schema.js";
export { provider, type Credentials } from "./generated/provider.js";
export { operationTable, type OperationSpec, type ParamSpec, type Rule } from "./generated/operations.js";
export { createClient, MissingCredentialError, type ApiClient, type CreateClientOptions } from "./client.js";
