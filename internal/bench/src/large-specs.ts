// The largest specs (at least 4 MB and 1,000 operations): our generation against openapi-typescript's CLI on the same
// document and our generator's peak memory; the typed package's type-check against openapi-typescript's output alone;
// and a consumer file calling three operations (editor responsiveness). Each a fresh process, interleaved rounds.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { consumerOf, perOperationConsumerOf } from "@agentruns/testkit";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { buildModel } from "../../../scripts/src/model.js";
import { liteClass } from "../../../scripts/src/emit/client/per-operation.js";
import { parseSpec } from "../../../scripts/src/provider.js";
import {
  DIRECTORY,
  extractSpecs,
  pinnedTarball,
  type PinnedPackage,
} from "../../spec-corpus/src/directory/source.js";
import { bundleScript } from "../../../scripts/bundle.mjs";
import { interleaved, type Ratio } from "./rounds.js";

const repo = path.resolve(import.meta.dirname, "../../..");
const corpus = path.join(repo, "internal", "spec-corpus");
const require = createRequire(import.meta.url);
const tsc = path.join(repo, "node_modules", ".bin", "tsc");

/** The large specs measured: a Swagger 2.0 one (converted in our pipeline) and the largest of the directory. */
export const LARGE: readonly { id: string; from: PinnedPackage; member: string }[] = [
  {
    id: "kubernetes",
    from: {
      name: "kubernetes-client",
      version: "9.0.0",
      integrity:
        "sha512-Qy8o42dZVHB9P+cIiKdWpQbz/65l/qW1fDYvlzzeSLftmL1Ne3HEiM+0TmKAwNuRW0pTJN2tRWhcccToclxJ8g==",
    },
    member: "package/lib/specs/swagger-1.13.json.gz",
  },
  { id: "msgraph", from: DIRECTORY, member: "package/api/microsoft.com/graph.json" },
];

export interface LargeSpecResult {
  id: string;
  bytes: number;
  operations: number;
  generate: Ratio[];
  peakRssMb: number;
  typeCheck: Ratio[];
  consumer: { ms: number; instantiations: number; entry: "per-operation" | "package"; rounds: Ratio[] };
}

async function specFile(cache: string, s: (typeof LARGE)[number]): Promise<string> {
  const tarball = await pinnedTarball(cache, s.from);
  const into = path.join(cache, `${s.from.name.replace(/[@/]/g, "_")}-${s.from.version}`);
  const file = (await extractSpecs(tarball, [{ id: s.member, member: s.member, bytes: 0 }], into)).get(
    s.member,
  )!;
  if (!file.endsWith(".gz")) return file;
  await writeFile(file.slice(0, -3), gunzipSync(await readFile(file)));
  return file.slice(0, -3);
}

/**
 * The corpus's one-spec generator bundled by esbuild, as `pnpm generate` runs the generator (scripts/run.mjs): no
 * TypeScript loader in the timed process. Written beside run.mjs's own bundles (scripts/.cache/, one level below
 * scripts/ as the generator's sources are), so the paths it resolves from its own location hold.
 */
async function generatorBundle(): Promise<string> {
  const out = path.join(repo, "scripts", ".cache", `bench-generate-one-${process.pid}.mjs`);
  await bundleScript(path.join(corpus, "src/directory/generate-one.ts"), out);
  return out;
}

const spawn = (args: string[], cwd: string) => async () => {
  const r = spawnSync(args[0]!, args.slice(1), { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stdout}\n${r.stderr}`.slice(0, 4000));
  return r.stdout;
};

export async function largeSpecs(rounds: number, only?: readonly string[]): Promise<LargeSpecResult[]> {
  const cache = path.join(corpus, ".cache", "large");
  const results: LargeSpecResult[] = [];
  const generator = await generatorBundle();
  try {
    await measureEach(rounds, only, cache, generator, results);
  } finally {
    await rm(generator, { force: true });
  }
  return results;
}

async function measureEach(
  rounds: number,
  only: readonly string[] | undefined,
  cache: string,
  generator: string,
  results: LargeSpecResult[],
): Promise<void> {
  for (const s of LARGE.filter((l) => !only || only.includes(l.id))) {
    const file = await specFile(cache, s);
    const work = await mkdtemp(path.join(os.tmpdir(), `bench-large-${s.id}-`));
    try {
      // openapi-typescript reads OpenAPI 3 only: it gets the document as our pipeline converts it.
      const doc = await parseSpec(await readFile(file, "utf8"), file);
      const converted = path.join(work, "openapi3.json");
      await writeFile(converted, JSON.stringify(doc));
      // Each round generates into a new workspace: in the same one, the scratch setup (generate-one.ts) would first
      // delete the previous round's output inside the timed process (Graph's thousands of files), a cost
      // openapi-typescript, overwriting one file, does not have.
      let generated = 0;
      const workspace = () => path.join(work, `ours-${generated}`);
      const ots = path.join(work, "alone");
      await mkdir(ots, { recursive: true });
      const otsBin = path.join(
        path.dirname(require.resolve("openapi-typescript/package.json")),
        "bin",
        "cli.js",
      );
      let peakRssMb = 0;
      const ours = async () => {
        generated++;
        return spawn([process.execPath, generator, file, s.id, workspace(), corpus], repo)();
      };
      const generate = await interleaved(
        [
          {
            name: "openapi-typescript CLI",
            run: spawn([process.execPath, otsBin, converted, "-o", path.join(ots, "schema.ts")], ots),
          },
          {
            name: "ours (both packages)",
            run: async () => (peakRssMb = Math.max(peakRssMb, JSON.parse(await ours()).peakRssMb)),
          },
        ],
        { rounds, calls: 1, warmup: 0 },
      );
      await writeFile(
        path.join(ots, "tsconfig.json"),
        JSON.stringify({
          extends: path.join(repo, "tsconfig.base.json"),
          compilerOptions: { noEmit: true, types: [] },
          include: ["schema.ts"],
        }),
      );
      const root = workspace();
      const typed = path.join(root, "packages", `${s.id}-openapi`);
      const typeCheck = await interleaved(
        [
          { name: "openapi-typescript output alone", run: spawn([tsc, "-p", "tsconfig.json"], ots) },
          {
            name: "ours: the typed package",
            run: spawn([tsc, "-p", "tsconfig.build.json", "--noEmit"], typed),
          },
        ],
        { rounds, calls: 1, warmup: 0 },
      );
      // The consumer: three operations through the built ergonomic package.
      execFileSync(tsc, ["-p", "tsconfig.build.json"], { cwd: typed });
      const ergonomic = path.join(root, "packages", s.id);
      execFileSync(tsc, ["-p", "tsconfig.build.json"], { cwd: ergonomic });
      const { doc: normalized } = normalizeSpec(doc, file);
      const entry = { id: s.id, title: s.id, spec: file };
      const model = buildModel(entry, normalized);
      const { methods, clientClass } = model.client;
      const three = [0, Math.floor(methods.length / 2), methods.length - 1].map((i) => methods[i]!);
      // A spec with per-operation entry points (model.ts: by the document's size) is consumed through them, as its
      // README shows; the others through the package's entry.
      const split = model.perOperation;
      const name = `@agentruns/${s.id}`;
      await writeFile(
        path.join(ergonomic, "three.ts"),
        split
          ? perOperationConsumerOf(
              three,
              (fn) => `${name}/fn/${split.fns.get(fn)}`,
              liteClass(model),
              `${name}/fn`,
            )
          : consumerOf(three, "./dist/index.js", clientClass),
      );
      const args = [
        tsc,
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--types",
        "node",
        "--extendedDiagnostics",
        "three.ts",
      ];
      // Interleaved with an empty file under the same flags: the floor (TypeScript's libs, @types/node).
      await writeFile(path.join(ergonomic, "empty.ts"), "export {};\n");
      const consumerRounds = await interleaved(
        [
          { name: "an empty file (the floor)", run: spawn([...args.slice(0, -1), "empty.ts"], ergonomic) },
          {
            name: `three calls (${split ? "per-operation entry points" : "the package's entry"})`,
            run: spawn(args, ergonomic),
          },
        ],
        { rounds, calls: 1, warmup: 0 },
      );
      const ms = Math.round(consumerRounds[1]!.ms);
      const out = await spawn(args, ergonomic)();
      const instantiations = Number(/Instantiations:\s+(\d+)/.exec(out)?.[1] ?? NaN);
      results.push({
        id: s.id,
        bytes: Buffer.byteLength(await readFile(file)),
        operations: model.provider.operations.length,
        generate,
        peakRssMb,
        typeCheck,
        consumer: { ms, instantiations, entry: split ? "per-operation" : "package", rounds: consumerRounds },
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
