// Puts the third-party packages the published packages need at run time into the local registry, with everything
// they pull in, copied from this checkout's node_modules: the registry needs no uplink and no list to keep current.
import { cp, mkdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { publish } from "libnpmpublish";
import type { Registry } from "./registry.js";
import { sh } from "./sh.js";

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const manifest = async (dir: string): Promise<Manifest> =>
  JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));

/** Node's lookup: the nearest node_modules/<name> from `from` upwards (pnpm's links resolved first). */
async function packageDir(from: string, name: string): Promise<string> {
  let dir = await realpath(from);
  for (;;) {
    const candidate = path.join(dir, "node_modules", name);
    if (
      await stat(path.join(candidate, "package.json")).then(
        () => true,
        () => false,
      )
    )
      return realpath(candidate);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find ${name} from ${from}`);
    dir = up;
  }
}

/** What a package needs installed: its dependencies and its required peers, minus our own packages. */
const needs = (m: Manifest) =>
  [
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}).filter((p) => !m.peerDependenciesMeta?.[p]?.optional),
  ].filter((name) => !name.startsWith("@agentruns/"));

/** How many publishes are in flight at once (each is mostly the registry's work). */
const CONCURRENCY = 6;

/**
 * Publishes every third-party package the workspace packages in `packageDirs` depend on, transitively, as installed
 * here (the versions the tests ran against). Returns `name@version` of each, in the order they were found.
 *
 * One `npm pack` packs them all, and npm's own publishing library (libnpmpublish) sends each tarball from this
 * process: a hundred `npm publish` processes cost a minute of CPU on their own, more than the rest of the release test.
 */
export async function vendorDependencies(
  packageDirs: readonly string[],
  tmp: string,
  registry: Registry,
  env: Record<string, string>,
) {
  // First every package to publish, found breadth-first by Node's lookup from each dependent; then the publishing,
  // several at a time (a registry takes packages in any order: npm checks no dependency at publish time).
  const queue: [from: string, name: string][] = [];
  for (const dir of packageDirs) for (const name of needs(await manifest(dir))) queue.push([dir, name]);
  const found: { id: string; dir: string }[] = [];
  const seen = new Set<string>();
  while (queue.length) {
    const [from, name] = queue.shift()!;
    const dir = await packageDir(from, name);
    const m = await manifest(dir);
    const id = `${m.name}@${m.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push({ id, dir });
    for (const dep of needs(m)) queue.push([dir, dep]);
  }
  const copies = await Promise.all(
    found.map(async ({ id, dir }) => {
      // Copied first: the store's files are hard links, which npm would pack as empty link entries.
      const copy = path.join(tmp, "vendor", id.replace("/", "+"));
      await cp(dir, copy, {
        recursive: true,
        dereference: true,
        filter: (src) => !path.relative(dir, src).split(path.sep).includes("node_modules"),
      });
      // Its own publishConfig (a registry, an access level) would send it elsewhere: this registry is the only one.
      const { publishConfig: _, ...local } = JSON.parse(
        await readFile(path.join(copy, "package.json"), "utf8"),
      ) as Manifest & { publishConfig?: unknown };
      await writeFile(path.join(copy, "package.json"), JSON.stringify(local, null, 2));
      return { copy, manifest: local };
    }),
  );
  // As `npm publish <dir>` packs: the same file selection, no lifecycle scripts.
  const tarballs = path.join(tmp, "tarballs");
  await mkdir(tarballs, { recursive: true });
  const { stdout } = await sh(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", tarballs, ...copies.map((c) => c.copy)],
    tmp,
    env,
  );
  const packed = new Map(
    (JSON.parse(stdout) as { name: string; version: string; filename: string }[]).map((p) => [
      `${p.name}@${p.version}`,
      p.filename,
    ]),
  );
  const auth = { registry: `${registry.url}/`, forceAuth: { token: registry.token } };
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < copies.length) {
        const i = next++;
        const { manifest: m } = copies[i]!;
        const filename = packed.get(`${m.name}@${m.version}`);
        if (!filename) throw new Error(`npm pack made no tarball of ${m.name}@${m.version}`);
        const tarball = await readFile(path.join(tarballs, filename));
        await publish(m as Parameters<typeof publish>[0], tarball, { ...auth, defaultTag: "latest" }).catch(
          (e: Error) => {
            throw new Error(`publishing ${m.name}@${m.version} to the local registry failed: ${e.message}`);
          },
        );
      }
    }),
  );
  return found.map((f) => f.id);
}
