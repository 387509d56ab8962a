// Builds the package in the current directory twice with tsc: ES modules + types in dist/, CommonJS + types in
// dist/cjs/ (marked "type": "commonjs"). Plain tsc on purpose: bundlers' CJS output breaks openapi-fetch's default export.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tsc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "tsc");
const run = (...args) => execFileSync(tsc, ["-p", "tsconfig.build.json", ...args], { stdio: "inherit" });
const cjs = ["--module", "commonjs", "--moduleResolution", "node10", "--verbatimModuleSyntax", "false"];
/**
 * `--esbuild-cjs`: for a package with an ES-only dependency (ratelimit-redis on sliding-window-rate-limiter), which
 * its CommonJS build loads with import() (require() cannot on Node 18, nor on 20 before 20.19). tsc turns import()
 * into require() in CommonJS output, so esbuild writes that build (every dependency external, import() kept as is)
 * and tsc its declarations.
 */
const esbuildCjs = process.argv.includes("--esbuild-cjs");

rmSync("dist", { recursive: true, force: true });
run();
if (esbuildCjs) {
  run(...cjs, "--outDir", "dist/cjs", "--emitDeclarationOnly", "--declarationMap", "false");
  const esbuild = createRequire(path.resolve("package.json"))("esbuild");
  esbuild.buildSync({
    entryPoints: ["src/index.ts"],
    outfile: "dist/cjs/index.js",
    bundle: true,
    packages: "external",
    format: "cjs",
    platform: "node",
    target: "node18",
    logLevel: "warning",
  });
} else {
  run(...cjs, "--outDir", "dist/cjs", "--declarationMap", "false", "--sourceMap", "false");
}
writeFileSync("dist/cjs/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
shareTypeOnlyDeclarations("dist", "dist/cjs");

/**
 * A module that holds only types (its JavaScript is `export {}`) has the same declarations for both formats, and
 * for a generated schema those are megabytes: the CommonJS copy becomes a re-export of the ES one, so the
 * package carries them once. Modules with a default export or global/module augmentations keep their copy.
 */
function shareTypeOnlyDeclarations(esmDir, cjsDir, sub = "") {
  for (const entry of readdirSync(path.join(esmDir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) {
      if (path.join(esmDir, rel) !== cjsDir) shareTypeOnlyDeclarations(esmDir, cjsDir, rel);
      continue;
    }
    if (!entry.name.endsWith(".d.ts")) continue;
    const js = readFileSync(path.join(esmDir, rel.replace(/\.d\.ts$/, ".js")), "utf8");
    const code = js
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .trim();
    if (code !== "export {};") continue;
    const dts = readFileSync(path.join(esmDir, rel), "utf8");
    if (/^\s*(export default|declare global|declare module)\b/m.test(dts)) continue;
    const target = path.relative(path.dirname(path.join(cjsDir, rel)), path.join(esmDir, rel));
    const specifier = target.replace(/\\/g, "/").replace(/\.d\.ts$/, ".js");
    writeFileSync(
      path.join(cjsDir, rel),
      "// The declarations of this types-only module are shared with the ES build.\n" +
        `export type * from "${specifier.startsWith(".") ? specifier : `./${specifier}`}" with { "resolution-mode": "import" };\n`,
    );
  }
}
