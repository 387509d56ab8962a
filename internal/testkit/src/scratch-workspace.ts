// A scratch directory laid out like the repository, outside it, for tests that generate a package there; and a
// strict type-check of generated files with the compiler API.
import { copyFile, mkdir, mkdtemp, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A temp dir with the repository's tsconfig.base.json and .prettierrc.json, where generated code resolves
 * openapi-fetch through a link to `openapiFetchDir` (an installed copy). Nothing inside the workspace changes.
 */
export async function scratchWorkspace(
  repo: string,
  openapiFetchDir: string,
  prefix: string,
): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `agentruns-${prefix}-`));
  await copyFile(path.join(repo, "tsconfig.base.json"), path.join(root, "tsconfig.base.json"));
  await copyFile(path.join(repo, ".prettierrc.json"), path.join(root, ".prettierrc.json"));
  await mkdir(path.join(root, "node_modules"), { recursive: true });
  await symlink(openapiFetchDir, path.join(root, "node_modules", "openapi-fetch"), "dir");
  return root;
}

/** Type errors of `files` under `strict` (ES2022, NodeNext, DOM types), as `file: message` lines. */
export async function typeErrors(files: string[]): Promise<string[]> {
  return (await typeCheck(files)).errors;
}

/**
 * Type-checks `files` as a strict consumer would (skipLibCheck) and counts the type instantiations the checker made:
 * a deterministic measure of what using a package costs the compiler (for a given TypeScript version).
 */
export async function typeCheck(
  files: string[],
  options: { moduleResolution?: "nodenext" | "bundler"; types?: string[] } = {},
): Promise<{ errors: string[]; instantiations: number; files: string[] }> {
  // Loaded on use: the compiler is large, and most users of the test kit never type-check.
  const { default: ts } = await import("typescript");
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    ...(options.moduleResolution === "bundler"
      ? { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }
      : { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }),
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: options.types ?? [],
    skipLibCheck: true,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
  // The count tsc --extendedDiagnostics prints as "Instantiations".
  const checker = program.getTypeChecker() as unknown as { getInstantiationCount(): number };
  // Every file the program loaded (a per-operation consumer must not load the whole API's types).
  const loaded = program.getSourceFiles().map((f) => f.fileName);
  return { errors, instantiations: checker.getInstantiationCount(), files: loaded };
}
