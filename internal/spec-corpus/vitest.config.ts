// Generating and type-checking a 3 MB spec takes tens of seconds on two shared cores. The suite is the pipeline's
// longest and last task: two files at a time (vitest's default here is one, on two cores) use both cores once the
// other tasks are done.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 60_000, maxWorkers: 2 } });
