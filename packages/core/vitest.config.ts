// --expose-gc lets the pagination memory test prove that walked pages are released.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { execArgv: ["--expose-gc"] } });
