// Generating and type-checking a 3 MB spec takes tens of seconds on two shared cores.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 60_000 } });
