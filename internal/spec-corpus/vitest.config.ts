// Generating and type-checking a 3 MB spec takes tens of seconds on two shared cores. One file at a time (vitest's
// default on two cores): the suite runs beside the pipeline's other tasks, and two of its files at once made every
// task slower (a 13 m 50 s pipeline, a 157 s Swagger diff). `vitest run --maxWorkers 2` on an idle machine runs
// corpus-openai.test.ts beside the rest.
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { ...limits, testTimeout: 180_000 } });
