// The package-level configuration both generated packages share: pinned versions, the dual ES/CommonJS exports
// entry, tsconfigs and the Turbo `generate` task.
import type { ProviderDescriptor } from "../provider.js";
import { ENTRY_KEYS } from "../entry-keys.js";

/** Versions the generated packages pin; bump here and regenerate. */
export const VERSIONS = {
  openapiFetch: "^0.17.0",
  typescript: "5.9.3",
  vitest: "4.1.12",
  typesNode: "^20.19.0",
  node: ">=18",
} as const;

/** The `exports` entry of one module of a dual ES/CommonJS package built by scripts/build-package.mjs. */
export const dual = (rel: string) => ({
  import: { types: `./dist/${rel}.d.ts`, default: `./dist/${rel}.js` },
  require: { types: `./dist/cjs/${rel}.d.ts`, default: `./dist/cjs/${rel}.js` },
});

export const tsconfig = (extra: object) =>
  JSON.stringify({ extends: "../../tsconfig.base.json", ...extra }, null, 2) + "\n";

/** The build config of a generated package: sources do not ship (the declarations document it), so no maps. */
export const BUILD_TSCONFIG = tsconfig({
  compilerOptions: { rootDir: "src", outDir: "dist", types: [], declarationMap: false, sourceMap: false },
  include: ["src"],
});

/**
 * The `generate` task of one of a provider's two packages: it depends on this provider's spec and the generator (and
 * the core sources it reads) only, and writes only its own package: the typed one all of it, the ergonomic one its
 * generated directory, smoke test and api.md.
 */
export function generateTask(d: ProviderDescriptor, part: "typed" | "client") {
  return {
    // package.json is read for its version, which changesets own.
    inputs: [
      "package.json",
      `$TURBO_ROOT$/${d.specPath}`,
      `$TURBO_ROOT$/specs/${d.id}.overlay.yaml`,
      "$TURBO_ROOT$/scripts/generate.ts",
      "$TURBO_ROOT$/scripts/run.mjs",
      "$TURBO_ROOT$/scripts/bundle.mjs",
      // This provider's entry alone (entry-keys.ts), not providers.ts: editing another entry misses no cache here.
      `$TURBO_ROOT$/${ENTRY_KEYS}/${d.id}.json`,
      "$TURBO_ROOT$/scripts/src/**",
      "$TURBO_ROOT$/scripts/templates/**",
      "$TURBO_ROOT$/packages/core/src/**",
      "$TURBO_ROOT$/.prettierrc.json",
    ],
    outputs:
      part === "typed"
        ? ["src/**", "openapi.json", "README.md"]
        : ["src/generated/**", "test/smoke.generated.test.ts", "api.md"],
  };
}

/**
 * The test config of a generated package (the typed one's, and a new ergonomic package's first one): the repository's
 * shared limits (vitest.limits.ts), not vitest's 5 s defaults, which a loaded two-core machine exceeds.
 */
export const VITEST_CONFIG =
  "// The whole test pipeline shares two cores: generous limits (vitest.limits.ts) so that load slows tests down instead of\n" +
  "// failing them.\n" +
  'import { defineConfig } from "vitest/config";\n' +
  'import { limits } from "../../vitest.limits.js";\n\n' +
  "export default defineConfig({ test: { ...limits } });\n";
