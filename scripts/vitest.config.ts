// The generator tests spawn the real CLI (the bundled generator, openapi-typescript, prettier), about 1 s per run on an idle machine
// and several times that on a CI machine shared with the other suites.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 60_000, include: ["test/**/*.test.ts"] } });
