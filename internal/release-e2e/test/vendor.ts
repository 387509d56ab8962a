// Puts the third-party packages the published packages need at run time into the local registry, with everything
// they pull in, copied from this checkout's node_modules: the registry needs no uplink and no list to keep current.
import { cp, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
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

/** How many `npm publish` processes run at once (each is mostly process start-up and waiting on the registry). */
const CONCURRENCY = 6;

/**
 * Publishes every third-party package the workspace packages in `packageDirs` depend on, transitively, as installed
 * here (the versions the tests ran against). Returns `name@version` of each, in the order they were found.
 */
export async function vendorDependencies(
  packageDirs: readonly string[],
  tmp: string,
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
  const publish = async ({ id, dir }: { id: string; dir: string }) => {
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
    );
    await writeFile(path.join(copy, "package.json"), JSON.stringify(local, null, 2));
    await sh("npm", ["publish", copy, "--ignore-scripts", "--provenance=false", "--tag", "latest"], tmp, env);
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < found.length) await publish(found[next++]!);
    }),
  );
  return found.map((f) => f.id);
}
