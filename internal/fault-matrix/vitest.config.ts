// --expose-gc lets the concurrency scenarios measure retained memory; generous limits (vitest.limits.ts) because the
// whole pipeline shares two cores. The matrix runs in one file, in order: its scenarios share servers and must not
// overlap.
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { execArgv: ["--expose-gc"], ...limits } });
