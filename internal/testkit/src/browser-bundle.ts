// The bundle a browser consumer would ship (esbuild: bundled, minified, ESM, es2022), for byte budgets and benches.

/** Bundles `contents` (a JS module, imports resolved from `resolveDir`); an unused import tree-shakes to nothing. */
export async function browserBundle(contents: string, resolveDir: string): Promise<Uint8Array> {
  return (await bundleWithInputs(contents, resolveDir)).code;
}

/** The same bundle and how many of its minified bytes each input module contributes (by path, largest first). */
export async function bundleWithInputs(
  contents: string,
  resolveDir: string,
): Promise<{ code: Uint8Array; inputs: [path: string, bytes: number][] }> {
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
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(out.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([file, i]): [string, number] => [file, i.bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return { code: out.outputFiles[0]!.contents, inputs };
}
