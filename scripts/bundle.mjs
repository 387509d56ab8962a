// How a TypeScript entry point of the generator becomes one ES module Node runs without a loader: esbuild, packages
// left external (resolved from scripts/ at run time). scripts/run.mjs bundles the commands so; `pnpm bench` its
// one-spec generator, so that it times what `pnpm generate` runs.
import { build } from "esbuild";

/** Bundles `entryPoint` into `outfile`. */
export async function bundleScript(entryPoint, outfile) {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node18",
    packages: "external",
    logLevel: "warning",
  });
}
