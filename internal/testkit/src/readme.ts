// Runs the code examples of a README for real, so the docs cannot drift from the code.
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

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
 * Executes an ES module example with Node from inside `packageDir`, so it imports the package by its
 * published name (self-reference through the `exports` map, i.e. the built `dist/`).
 */
export async function runExample(
  packageDir: string,
  code: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(packageDir, `.readme-example-${process.pid}-${Date.now()}.mjs`);
  await writeFile(file, code);
  try {
    return await run(process.execPath, [file], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000,
    });
  } finally {
    await rm(file, { force: true });
  }
}

export interface ReadmeExample {
  code: string;
  /** The ```text block right after the code block, if there is one: what the example prints. */
  output: string | undefined;
}

/** Every ```js block of a README, paired with the ```text block that follows it. */
export async function readmeExamplePairs(readmePath: string): Promise<ReadmeExample[]> {
  const blocks = await fencedBlocks(readmePath);
  return blocks.flatMap((b, i) =>
    b.lang === "js"
      ? [{ code: b.body, output: blocks[i + 1]?.lang === "text" ? blocks[i + 1]!.body : undefined }]
      : [],
  );
}
