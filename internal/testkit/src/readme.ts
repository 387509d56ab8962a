// Runs the code examples of a README for real, so the docs cannot drift from the code.
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { typeCheck } from "./scratch-workspace.js";

const run = promisify(execFile);

/** Every fenced code block of a markdown file, in order, with its language tag. */
async function fencedBlocks(readmePath: string): Promise<{ lang: string; body: string }[]> {
  const text = await readFile(readmePath, "utf8");
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)\n```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

/** The fenced code blocks of a markdown file in `lang` (e.g. "js"), in order. */
export async function readmeExamples(readmePath: string, lang: string): Promise<string[]> {
  return (await fencedBlocks(readmePath)).filter((b) => b.lang === lang).map((b) => b.body);
}

/**
 * Executes an example with Node from inside `packageDir`, so it imports the package by its published name
 * (self-reference through the `exports` map, i.e. the built `dist/`). A TypeScript example (`typescript: true`, a
 * ```ts block) is type-checked first under `strict`, as a user's editor would check it, and fails with the compiler's
 * messages; then its types are stripped (esbuild) and it runs as JavaScript.
 */
export async function runExample(
  packageDir: string,
  code: string,
  env: Record<string, string>,
  { typescript = false, checked = false }: { typescript?: boolean; checked?: boolean } = {},
): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(packageDir, `.readme-example-${process.pid}-${Date.now()}.mjs`);
  try {
    if (typescript) {
      if (!checked) await checkExamples(packageDir, [code]);
      const { transform } = await import("esbuild");
      await writeFile(file, (await transform(code, { loader: "ts", format: "esm", target: "node18" })).code);
    } else await writeFile(file, code);
    return await run(process.execPath, [file], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000,
    });
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Type-checks TypeScript examples as files of `packageDir` under `strict` (with Node's types), all in one program
 * (a compiler run costs seconds on a loaded machine); rejects with the compiler's messages.
 */
export async function checkExamples(packageDir: string, codes: readonly string[]): Promise<void> {
  if (!codes.length) return;
  const files = codes.map((_, i) => path.join(packageDir, `.readme-check-${process.pid}-${i}.mts`));
  try {
    // Each a module of its own (an example without imports would otherwise share the others' scope).
    await Promise.all(files.map((f, i) => writeFile(f, `${codes[i]}\nexport {};\n`)));
    const { errors } = await typeCheck(files, { types: ["node"] });
    if (errors.length) throw new Error(`an example does not type-check under strict:\n${errors.join("\n")}`);
  } finally {
    await Promise.all(files.map((f) => rm(f, { force: true })));
  }
}

export interface ReadmeExample {
  code: string;
  /** A ```ts block: run with `runExample(…, { typescript: true })`. */
  typescript: boolean;
  /** The ```text block right after the code block, if there is one: what the example prints. */
  output: string | undefined;
}

/** Every ```ts and ```js block of a README, paired with the ```text block that follows it. */
export async function readmeExamplePairs(readmePath: string): Promise<ReadmeExample[]> {
  const blocks = await fencedBlocks(readmePath);
  return blocks.flatMap((b, i) =>
    b.lang === "js" || b.lang === "ts"
      ? [
          {
            code: b.body,
            typescript: b.lang === "ts",
            output: blocks[i + 1]?.lang === "text" ? blocks[i + 1]!.body : undefined,
          },
        ]
      : [],
  );
}

/**
 * Every ```ts and ```js example of a README run from `packageDir` (the TypeScript ones type-checked together first),
 * each with the ```text block that follows it, if any, and what it printed.
 */
export async function runReadmeExamples(
  packageDir: string,
  readmePath: string,
  env: Record<string, string>,
): Promise<(ReadmeExample & { stdout: string })[]> {
  const examples = await readmeExamplePairs(readmePath);
  await checkExamples(
    packageDir,
    examples.filter((e) => e.typescript).map((e) => e.code),
  );
  const out: (ReadmeExample & { stdout: string })[] = [];
  for (const e of examples) {
    const { stdout } = await runExample(packageDir, e.code, env, { typescript: e.typescript, checked: true });
    out.push({ ...e, stdout });
  }
  return out;
}
