// Builds the package in the current directory twice with tsc: ES modules + types in dist/, CommonJS + types in
// dist/cjs/ (marked "type": "commonjs"). Plain tsc on purpose: bundlers' CJS output breaks openapi-fetch's default export.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tsc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "tsc");
const run = (...args) => execFileSync(tsc, ["-p", "tsconfig.build.json", ...args], { stdio: "inherit" });

rmSync("dist", { recursive: true, force: true });
run();
run(
  "--module",
  "commonjs",
  "--moduleResolution",
  "node10",
  "--verbatimModuleSyntax",
  "false",
  "--outDir",
  "dist/cjs",
  "--declarationMap",
  "false",
  "--sourceMap",
  "false",
);
writeFileSync("dist/cjs/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
