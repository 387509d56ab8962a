// The whole test pipeline shares two cores: generous limits (vitest.limits.ts) so that load slows tests down instead of
// failing them.
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { ...limits } });
