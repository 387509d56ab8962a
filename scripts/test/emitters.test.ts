// The generator is one model plus emitters: for every provider, each emitter is a function of the model alone (the
// same model gives the same files), every file has exactly one emitter, and a package's files are exactly its
// emitters' files — so a new artifact is one new emitter in its package's list, and nothing else writes there.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { providers } from "../providers.js";
import { CLIENT_EMITTERS, emitClientPackage } from "../src/emit/client-package.js";
import type { EmitOptions, Emitter } from "../src/emit/emitter.js";
import { emitTypedPackage, TYPED_EMITTERS } from "../src/emit/typed-package.js";
import { loadModel } from "../src/model.js";

const repo = path.resolve(import.meta.dirname, "../..");
const options: EmitOptions = { root: repo, workspace: true, ergonomic: true };

async function pathsOf(emitters: readonly Emitter[], model: Awaited<ReturnType<typeof loadModel>>) {
  const owners = new Map<string, number>();
  for (const [i, emit] of emitters.entries()) {
    for (const file of await emit(model, options)) {
      expect(owners.has(file.path), `${file.path} emitted twice`).toBe(false);
      owners.set(file.path, i);
    }
  }
  return owners;
}

describe.each(providers.map((p) => [p.id, p] as const))("%s", (_id, entry) => {
  it("each file of both packages has exactly one emitter, and the packages are exactly those files", async () => {
    const model = await loadModel(repo, entry);
    const typed = await pathsOf(TYPED_EMITTERS, model);
    const client = await pathsOf(CLIENT_EMITTERS, model);
    expect([...(await emitTypedPackage(model, options)).keys()].sort()).toEqual([...typed.keys()].sort());
    const generated = [...(await emitClientPackage(model, options, () => true)).keys()].sort();
    expect(generated).toEqual([...client.keys()].sort());
    // The ergonomic package's emitters write only what the generator owns there.
    for (const file of generated)
      expect(
        file.startsWith("src/generated/") || ["api.md", "test/smoke.generated.test.ts"].includes(file),
      ).toBe(true);
  });

  it("emitters read the model alone: a second model of the same spec gives the same files", async () => {
    const [a, b] = [await loadModel(repo, entry), await loadModel(repo, entry)];
    expect(await emitTypedPackage(b, options)).toEqual(await emitTypedPackage(a, options));
    expect(await emitClientPackage(b, options)).toEqual(await emitClientPackage(a, options));
  });
});
