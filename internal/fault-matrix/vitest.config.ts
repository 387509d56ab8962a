// --expose-gc lets the concurrency scenarios measure retained memory; generous limits because the whole pipeline
// shares two cores. The matrix runs in one file, in order: its scenarios share servers and must not overlap.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { execArgv: ["--expose-gc"], testTimeout: 60_000, hookTimeout: 30_000 },
});
