// The whole test pipeline shares two cores: the CLI tests spawn the built command a dozen times per test (130 ms
// each on an idle machine, seconds each beside the corpus and release suites), so a test's limit is for a hung
// command, not a slow machine (vitest.limits.ts; one ran 4 s alone and past 30 s under load).
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { ...limits } });
