// The package's own version, for the server's name in the MCP handshake.
import { createRequire } from "node:module";

export const VERSION: string = createRequire(import.meta.url)("../package.json").version;
