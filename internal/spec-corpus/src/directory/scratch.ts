// A scratch workspace laid out like the repository for one provider, outside it: what "Add a provider" would leave
// (the spec in specs/, the base tsconfig, prettier config and test limits) plus links to the packages generated code
// imports.
import { copyFile, mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";

/** Packages the generated code and its smoke test import, linked from the corpus package's own dependencies. */
const LINKS = ["openapi-fetch", "vitest", "@types/node", "@agentruns/core", "@agentruns/testkit"];

/** Lays out `root` for provider `id` whose spec is `specFile`; returns the spec's path in it (`specs/<id>.openapi.json`). */
export async function providerWorkspace(
  repo: string,
  corpusPackage: string,
  root: string,
  id: string,
  specFile: string,
): Promise<string> {
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, "specs"), { recursive: true });
  await mkdir(path.join(root, "node_modules", "@agentruns"), { recursive: true });
  await mkdir(path.join(root, "node_modules", "@types"), { recursive: true });
  for (const f of ["tsconfig.base.json", ".prettierrc.json", "vitest.limits.ts"])
    await copyFile(path.join(repo, f), path.join(root, f));
  for (const name of LINKS) {
    await symlink(
      path.join(corpusPackage, "node_modules", name),
      path.join(root, "node_modules", name),
      "dir",
    );
  }
  await symlink(
    path.join(root, "packages", `${id}-openapi`),
    path.join(root, "node_modules", "@agentruns", `${id}-openapi`),
    "dir",
  );
  // Vendored as given (JSON or YAML, OpenAPI 3 or Swagger 2.0), under the name "Add a provider" uses.
  const spec = `specs/${id}.openapi.${/\.ya?ml$/i.test(specFile) ? "yaml" : "json"}`;
  await copyFile(specFile, path.join(root, spec));
  return spec;
}
