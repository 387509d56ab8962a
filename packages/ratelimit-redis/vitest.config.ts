// Worker processes and a Redis share the test machine's two cores: generous limits (vitest.limits.ts).
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { ...limits } });
