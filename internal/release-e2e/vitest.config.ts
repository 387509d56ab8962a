// Release tests start real servers and run npm, pnpm and tsc: minutes, not seconds.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 240_000 } });
