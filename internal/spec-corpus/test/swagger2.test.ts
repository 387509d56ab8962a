// Swagger 2.0 in, same result out: real 2.0 documents (Kubernetes' API, pinned in the kubernetes-client package, and
// ReadMe's 2.0 examples in @readme/oas-examples, both from the npm registry) dropped into specs/ as they are: both
// packages generate, build, type-check and pass their smoke test, the vendored file stays byte for byte, and the
// differ compares two 2.0 versions as the OpenAPI 3 they convert to.
import { readFile, rm, writeFile } from "node:fs/promises";
import { consumerOf, typeCheck } from "@agentruns/testkit";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../../../scripts/src/diff/rules.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { buildModel } from "../../../scripts/src/model.js";
import { parseSpec } from "../../../scripts/src/provider.js";
import { checkSpec } from "../src/directory/check-spec.js";
import { runSmokeTests } from "../src/directory/smoke-run.js";
import { pinnedMember, type PinnedPackage } from "../src/directory/source.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const cache = path.join(here, ".cache", "swagger2");

const KUBERNETES: PinnedPackage = {
  name: "kubernetes-client",
  version: "9.0.0",
  integrity:
    "sha512-Qy8o42dZVHB9P+cIiKdWpQbz/65l/qW1fDYvlzzeSLftmL1Ne3HEiM+0TmKAwNuRW0pTJN2tRWhcccToclxJ8g==",
};
const EXAMPLES: PinnedPackage = {
  name: "@readme/oas-examples",
  version: "8.2.2",
  integrity:
    "sha512-uytlvlylq3zpemG0h1R7ijlMBCajqXU0VpMI1Iw+j92s77Y/oT6pBf3BZN0lYl0WIGTh7POM4Jdu7L14eCzwXQ==",
};

/** The documents: id, package, tarball member (gzipped ones end in .gz). */
const DOCUMENTS = [
  { id: "kubernetes", from: KUBERNETES, member: "package/lib/specs/swagger-1.13.json.gz" },
  { id: "petstore", from: EXAMPLES, member: "package/2.0/json/petstore.json" },
  { id: "petstore-expanded", from: EXAMPLES, member: "package/2.0/json/petstore-expanded.json" },
  { id: "api-with-examples", from: EXAMPLES, member: "package/2.0/json/api-with-examples.json" },
  { id: "schema-circular", from: EXAMPLES, member: "package/2.0/json/schema-circular.json" },
  { id: "petstore-yaml", from: EXAMPLES, member: "package/2.0/yaml/petstore.yaml" },
] as const;

const files = new Map<string, string>();
/** Every document's scratch workspace, side by side, so that one vitest run finds all their smoke tests. */
const batch = path.join(os.tmpdir(), `agentruns-swagger2-${process.pid}`);
const built = new Map<string, string>();
afterAll(() => rm(batch, { recursive: true, force: true }));

beforeAll(async () => {
  for (const d of DOCUMENTS) files.set(d.id, await pinnedMember(cache, d.from, d.member));
}, 120_000);

describe.each(DOCUMENTS)("$id ($member)", ({ id }) => {
  it(
    "is Swagger 2.0, and both packages generate, build and type-check with their smoke test",
    { timeout: 300_000 },
    async () => {
      const file = files.get(id)!;
      expect((await readFile(file, "utf8")).replace(/\s/g, "")).toMatch(/["']?swagger["']?:["']?2\.0/);
      const root = path.join(batch, id);
      const check = await checkSpec({
        repo,
        corpusPackage: here,
        root,
        id: `s2-${id}`,
        specFile: file,
        keep: true,
      });
      const failed = Object.entries(check.stages).filter(([stage, r]) => stage !== "alone" && !r.ok);
      expect(failed.map(([stage, r]) => `${stage}: ${r.errors?.join("\n")}`)).toEqual([]);
      expect(check.stages.smoke?.ok).toBe(true);
      // openapi-typescript alone refuses 2.0: the conversion is what makes these work.
      expect(check.stages.alone?.errors?.join("")).toMatch(/Swagger version/);
      if (id === "kubernetes") {
        expect(check.operations).toBeGreaterThan(1000);
        // Editor cost of a large spec: a consumer calling three of its 1,014 operations through the built ergonomic
        // package stays within a fixed count of type instantiations (469 measured with TypeScript 5.9.3, plus ~25%).
        const doc = normalizeSpec(await parseSpec(await readFile(file, "utf8"), file), file).doc;
        // Titled as checkSpec titles it: the document's own title (its client class is named after it).
        const entry = { id: `s2-${id}`, title: String(doc.info.title), spec: file };
        const { methods, clientClass } = buildModel(entry, doc).client;
        const three = [0, Math.floor(methods.length / 2), methods.length - 1].map((i) => methods[i]!);
        const dir = path.join(root, "packages", `s2-${id}`);
        await writeFile(path.join(dir, "three.ts"), consumerOf(three, "./dist/index.js", clientClass));
        await writeFile(path.join(dir, "empty.ts"), "export {};\n");
        const empty = (await typeCheck([path.join(dir, "empty.ts")])).instantiations;
        const { errors, instantiations } = await typeCheck([path.join(dir, "three.ts")]);
        expect(errors).toEqual([]);
        expect(instantiations - empty).toBeLessThanOrEqual(600);
      }
      built.set(id, path.join(root, "packages", `s2-${id}`));
    },
  );
});

it(
  "every document's generated smoke test passes against a loopback server",
  { timeout: 300_000 },
  async () => {
    expect([...built.keys()].sort()).toEqual(DOCUMENTS.map((d) => d.id).sort());
    expect(await runSmokeTests(here, batch, [...built.values()])).toEqual([]);
  },
);

it(
  "the differ compares two Swagger 2.0 versions as OpenAPI 3 (Kubernetes 1.12 → 1.13)",
  // The diff itself takes 1.4 s on an idle machine since normalized specs share their inlined values (24 s before,
  // 50 s beside the other suites); the limit is for a hung differ, not a slow machine.
  { timeout: 400_000 },
  async () => {
    const older = await pinnedMember(cache, KUBERNETES, "package/lib/specs/swagger-1.12.json.gz");
    const load = async (f: string) => parseSpec(await readFile(f, "utf8"), f);
    const changes = diffSpecs(await load(older), await load(files.get("kubernetes")!));
    expect(changes.length).toBeGreaterThan(0);
    // 1.13 added the auditregistration API group's operations.
    expect(changes.some((c) => /auditregistration/.test(JSON.stringify(c)))).toBe(true);
  },
);
