// The bundle a browser consumer would ship (esbuild: bundled, minified, ESM, es2022), for byte budgets and benches.

/** Bundles `contents` (a JS module, imports resolved from `resolveDir`); an unused import tree-shakes to nothing. */
export async function browserBundle(contents: string, resolveDir: string): Promise<Uint8Array> {
  // Loaded on use, like the compiler: most users of the test kit never bundle.
  const { build } = await import("esbuild");
  const out = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.contents;
}
