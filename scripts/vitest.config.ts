// The generator tests spawn the real CLI (tsx + openapi-typescript + prettier), about 1-2 s per run.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 30_000, include: ["test/**/*.test.ts"] } });
