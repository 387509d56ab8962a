// Generous limits (vitest.limits.ts): the generator tests spawn the real CLI (the bundled generator,
// openapi-typescript, prettier), about 1 s per run on an idle machine and several times that on a CI machine shared
// with the other suites. Hooks clone or remove whole workspaces (a clone's node_modules is thousands of files):
// removing one took over 10 s on a busy CI machine.
import { defineConfig } from "vitest/config";
import { limits } from "../vitest.limits.js";

export default defineConfig({
  test: { ...limits, include: ["test/**/*.test.ts"] },
});
