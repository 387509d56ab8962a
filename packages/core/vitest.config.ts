// --expose-gc lets the pagination memory test prove that walked pages are released; generous limits because the
// whole test pipeline shares two cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { execArgv: ["--expose-gc"], testTimeout: 30_000, hookTimeout: 30_000 },
});
