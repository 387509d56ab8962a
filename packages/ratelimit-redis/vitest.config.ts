// Worker processes and a Redis share the test machine's two cores: generous limits.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 30_000 } });
