// Formats generated files with the repository's prettier config, except those too large to be worth it.
import path from "node:path";
import * as prettier from "prettier";
import type { GeneratedFile } from "./emitter.js";

/**
 * A generated file past this size is written as the generator emits it: prettier takes seconds per megabyte (a
 * 1,000-operation spec's functions, client, README and names: 5 of its 14 s), and nobody reads such a file top to
 * bottom. What keeps generated files honest is `pnpm generate:check`, not prettier (generated directories are in
 * .prettierignore).
 */
const FORMAT_LIMIT = 64 * 1024;

export async function format(root: string, file: string, text: string): Promise<string> {
  if (text.length > FORMAT_LIMIT) return text;
  const config = (await prettier.resolveConfig(path.join(root, file))) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}

/** The files as written: each formatted unless it is verbatim, keyed by path in the order given. */
export async function formatted(root: string, files: readonly GeneratedFile[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of files) out.set(f.path, f.verbatim ? f.text : await format(root, f.path, f.text));
  return out;
}
