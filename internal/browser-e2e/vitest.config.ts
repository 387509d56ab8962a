// Starting Chromium and bundling take seconds, not milliseconds: generous limits (vitest.limits.ts).
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { ...limits } });
