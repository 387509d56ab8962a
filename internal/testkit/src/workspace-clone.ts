// A clean clone of the committed repository for tests that change or publish it, installed from the local pnpm store.
import { execFile } from "node:child_process";
import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

async function run(cmd: string, args: string[], cwd: string) {
  try {
    await exec(cmd, args, { cwd, env: { ...process.env, CI: "true" }, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? err.message}`,
    );
  }
}

/**
 * Clones `repo` (its committed HEAD) into `dest`, copies the `dist/` of each built package from `repo` (all of them
 * unless `packages` names some), and installs with `pnpm install --offline`: nothing is downloaded.
 */
export async function cloneWorkspace(
  repo: string,
  dest: string,
  packages?: readonly string[],
): Promise<string> {
  await run("git", ["clone", "--quiet", repo, dest], path.dirname(dest));
  for (const p of packages ?? (await readdir(path.join(repo, "packages")))) {
    await cp(path.join(repo, "packages", p, "dist"), path.join(dest, "packages", p, "dist"), {
      recursive: true,
    }).catch((e: NodeJS.ErrnoException) => {
      if (packages || e.code !== "ENOENT") throw e; // a package without a build is skipped only when not asked for
    });
  }
  await run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts"], dest);
  return dest;
}
