// Release tests start real servers and run npm, pnpm and tsc: minutes, not seconds, and several times that beside
// the other suites on two cores (two ran past 120 and 240 s under load). The limits are for a hung command.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 300_000, hookTimeout: 600_000 } });
