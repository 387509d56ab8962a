// Generating and type-checking a 3 MB spec takes tens of seconds on two shared cores. Two test files at once (vitest
// would run one at a time on two cores): the 8-spec corpus, the longest, overlaps the directory sample, the fixtures,
// Swagger 2.0 and the properties, which spend much of their time in child processes and I/O.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 60_000, maxWorkers: 2 } });
