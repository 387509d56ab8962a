// @agentruns/mcp: every provider's operations as Model Context Protocol tools, over stdio or streamable HTTP.
export {
  createServer,
  listedTools,
  servedAs,
  servingNote,
  type Served,
  type ServerOptions,
} from "./server.js";
export { serveHttp, type HttpHandle, type HttpOptions } from "./http.js";
export { CREDENTIALS, main, OPTIONS, USAGE, type Io } from "./main.js";
export { selectProviders, type Selection } from "./providers.js";
export { DYNAMIC_ABOVE } from "./dynamic.js";
export { DEFAULT_MAX_ANSWER_BYTES } from "./answer.js";
export { PROVIDERS } from "./generated/providers.js";
export type {
  CallContext,
  CatalogOptions,
  ExtraAnswer,
  ExtraTool,
  ProviderBinding,
  ProviderExtras,
} from "./catalog.js";
