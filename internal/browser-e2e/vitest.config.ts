// Starting Chromium and bundling take seconds, not milliseconds.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
