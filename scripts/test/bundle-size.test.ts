// Size budget: each provider client bundled for the browser (the core included), minified and gzipped, stays under
// 15,500 B; it must bundle without Node built-ins and tree-shake to nothing when unused.
// (10 kB before the reliability layer — redirect guard, option checks, redaction of every error field — added
// about 2.5 kB, auth by security scheme — per-operation requirements, token providers — about 0.8 kB, and media
// types — server-sent events on eventsource-parser, multipart and binary bodies — about 0.8 kB;
// the generated resource classes, generic paginators and params handling of the ergonomic packages about 0.9 kB.)
// The typed openapi-fetch client is `raw(client)` from the `./raw` subpath: a full client without it is 13.8 kB
// (17.4 kB while every full client carried openapi-fetch and the typed package's vendored wire rules for
// `client.raw`). The table-less core calls fetch directly, and paging is a function of its own (paginate), so a call
// that does not list bundles no paging code.
// The architecture step (one wire model, the request path in named steps) added about 0.9 kB to one operation
// (10.6 kB: UnexpectedResponseError and the checks behind it, non-ASCII credentials and headers refused by name, the
// transport seam, steps that pass their state instead of sharing a class's private fields), and the answer seam
// (a transport may resolve to its own WireAnswer, a Response made only when asked: the undici transport's speed)
// 0.1 kB: 10,806 B. Messages that name the method (`Duvo runs.get (getRun)`: its name passed by each generated
// function) and the provider-rule hook (`checkInput`, which MCP tool calls meet too) 0.07 kB: 10,870 B. The target for
// one operation (8 kB) needs per-operation checks instead of the generic validator; until then its budget is 10.7 kB.
// Requests as real specs describe them (2026-12, issue #36) added about 1.3 kB to both (measured side by side with
// the commit before, Duvo's full client 13,997 → 15,334 B, one operation 10,906 → 12,164 B): every parameter style
// of every location in one wire module (about 2 kB minified), relative servers joined onto the base URL (0.8 kB),
// the URL-length check that names the parameter (0.45 kB), the provider's reason in every error (0.4 kB), GET and
// HEAD bodies refused before I/O and a page's successor worked out when the walk advances (0.5 kB). The budgets are
// now 15,500 B and 12,300 B. (The peers for scale: openai's client 36 kB, Speakeasy's standalone functions 21 kB.)
import path from "node:path";
import { gzipSync } from "node:zlib";
import { browserBundle } from "@agentruns/testkit";
import { describe, expect, it } from "vitest";
import { providers } from "../providers.js";
import { clientName } from "../src/methods.js";
import { loadModel } from "../src/model.js";

const repo = path.resolve(import.meta.dirname, "../..");

const BUDGET = 15_500;
/**
 * The full client of a provider added since: the same budget plus a generated allowance per operation (about what a
 * resource method and its function cost) until someone measures and tightens it.
 */
const budgetOf = (id: string, operations: number): number =>
  ["duvo", "avido", "duckie"].includes(id) ? BUDGET : BUDGET + 120 * operations;

const bundle = (contents: string) => browserBundle(contents, import.meta.dirname);

describe.each(providers.map((p) => [`@agentruns/${p.id}`, clientName(p.title), p] as const))(
  "%s",
  (pkg, name, entry) => {
    it(`is under its budget (${BUDGET} bytes min+gz for the three providers) for the browser`, async () => {
      const code = await bundle(
        `import { ${name} } from "${pkg}"; globalThis.client = new ${name}({ apiKey: "k", env: {} });`,
      );
      const gz = gzipSync(code).length;
      console.log(`${pkg}: ${code.length} B minified, ${gz} B min+gz`);
      const operations = (await loadModel(repo, entry)).provider.operations.length;
      expect(gz).toBeLessThan(budgetOf(entry.id, operations));
      // Nothing of the Node transport (@agentruns/core/undici: its messages) nor of the MCP tools (`${pkg}/tools`)
      // comes along. (openapi-fetch itself names `process.versions.undici`.)
      const text = new TextDecoder().decode(code);
      // Nor openapi-fetch (its query serializer, its message for nested arrays): it comes only with `./raw`.
      for (const absent of [
        "needs the undici package",
        "inputSchema",
        "readOnlyHint",
        "querySerializer",
        "Deeply-nested arrays",
      ])
        expect(text).not.toContain(absent);
    });

    it("brings openapi-fetch along only with raw(client) from its ./raw subpath", async () => {
      const code = new TextDecoder().decode(
        await bundle(
          `import { ${name} } from "${pkg}"; import { raw } from "${pkg}/raw"; globalThis.api = raw(new ${name}({ apiKey: "k", env: {} }));`,
        ),
      );
      expect(code).toContain("querySerializer");
    });

    it("tree-shakes away when nothing is used", async () => {
      const code = await bundle(`import "${pkg}";`);
      expect(code.length).toBe(0);
    });
  },
);

describe("@agentruns/duvo functions (the tree-shakeable path)", () => {
  it("one function and DuvoCore bundle that operation alone, smaller than the full client", async () => {
    const one = await bundle(
      `import { DuvoCore, runsGet } from "@agentruns/duvo"; globalThis.f = () => runsGet(new DuvoCore({ apiKey: "k" }), "r");`,
    );
    const full = await bundle(
      `import { Duvo } from "@agentruns/duvo"; globalThis.client = new Duvo({ apiKey: "k" });`,
    );
    const code = new TextDecoder().decode(one);
    expect(code).toContain("/v1/runs/{run_id}");
    for (const other of ["/messages", "human-requests", "/stop", "waitFor"])
      expect(code).not.toContain(other);
    // No paging code: its loop guards' messages and the page class's methods are absent.
    expect(code).not.toContain("instead of looping");
    expect(code).not.toContain("nextPageQuery");
    // The direct-fetch path: no openapi-fetch (its query serializer and middleware chain) in this bundle.
    expect(code).not.toContain("Deeply-nested arrays");
    expect(code).not.toContain("querySerializer");
    const [oneGz, fullGz] = [gzipSync(one).length, gzipSync(full).length];
    console.log(`@agentruns/duvo one operation: ${oneGz} B min+gz (full client ${fullGz} B)`);
    expect(oneGz).toBeLessThan(12_300);
    expect(oneGz).toBeLessThan(fullGz - 2 * 1024);
  });
});

describe("@agentruns/duvo-openapi operation table", () => {
  it("tree-shakes per operation: one operation's constant bundles only its own entry", async () => {
    const code = new TextDecoder().decode(
      await bundle(
        `import { getRunOperation } from "@agentruns/duvo-openapi"; globalThis.op = getRunOperation;`,
      ),
    );
    expect(code).toContain("/v1/runs/{run_id}");
    for (const other of ["/messages", "human-requests", "/stop", "webhook_url"])
      expect(code).not.toContain(other);
    expect(code).not.toContain("querySerializer"); // no client code
    expect(code.length).toBeLessThan(400);
  });
});
