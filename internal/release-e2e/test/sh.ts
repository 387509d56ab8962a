// Runs a command for the release tests; on failure the error carries its full output.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const exec = promisify(execFile);

export async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await exec(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? err.message}`,
    );
  }
}
