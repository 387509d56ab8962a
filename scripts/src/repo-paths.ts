// Where the generator finds the repository's files it reads (templates, the core's sources). It sits one level below
// scripts/, as the bundle in scripts/.cache/ does, so the same relative paths hold from source and from the bundle.
import path from "node:path";
import { fileURLToPath } from "node:url";

const scripts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** scripts/templates/: the typed package's hand-written runtime. */
export const TEMPLATES = path.join(scripts, "templates");
/** The core's dependency-free wire rules, vendored into every typed package (src/vendor/wire/). */
export const WIRE = path.resolve(scripts, "../packages/core/src/wire");
/** The core's error module, whose exports every ergonomic entry re-exports. */
export const CORE_ERRORS = path.resolve(scripts, "../packages/core/src/errors.ts");
