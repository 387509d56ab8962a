// After regeneration: rebuild the typed package and type-check the wrapper package against it, listing what broke.
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TypeError_ {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** Type errors in `packages/<id>` (source and tests) against the regenerated `packages/<id>-openapi`; undefined when there is no wrapper. */
export async function checkWrapper(root: string, id: string): Promise<TypeError_[] | undefined> {
  const wrapper = path.join(root, "packages", id);
  if (
    !(await access(path.join(wrapper, "tsconfig.json")).then(
      () => true,
      () => false,
    ))
  )
    return undefined;
  await run(process.execPath, [path.join(root, "scripts", "build-package.mjs")], {
    cwd: path.join(root, "packages", `${id}-openapi`),
  });
  const tsc = path.join(root, "node_modules", ".bin", "tsc");
  try {
    await run(tsc, ["-p", "tsconfig.json", "--noEmit", "--pretty", "false"], {
      cwd: wrapper,
      maxBuffer: 16 * 1024 * 1024,
    });
    return [];
  } catch (e) {
    const out = String((e as { stdout?: string }).stdout ?? "");
    const errors = [...out.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.+)$/gm)].map((m) => ({
      file: path.relative(root, path.resolve(wrapper, m[1]!)),
      line: Number(m[2]),
      column: Number(m[3]),
      code: m[4]!,
      message: m[5]!,
    }));
    if (!errors.length)
      throw new Error(`tsc failed without diagnostics:\n${out}${(e as { stderr?: string }).stderr ?? ""}`);
    return errors;
  }
}
