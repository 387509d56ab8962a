// --expose-gc lets the pagination memory test prove that walked pages are released; generous limits
// (vitest.limits.ts) because the whole test pipeline shares two cores.
import { defineConfig } from "vitest/config";
import { limits } from "../../vitest.limits.js";

export default defineConfig({ test: { execArgv: ["--expose-gc"], ...limits } });
