// The whole test pipeline shares two cores: generous limits so that load slows tests down instead of failing them.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
