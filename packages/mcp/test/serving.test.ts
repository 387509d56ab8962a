// How providers are served does not depend on which others are: each provider's operations are its tools up to
// DYNAMIC_ABOVE, or behind the three dynamic tools above it, and the server says which are behind them and why; a
// provider counts as configured only when a call can be made (its credentials, and a base URL where the spec names
// no server), by the one rule the CLI shares.
import { describe, expect, it } from "vitest";
import type { ProviderTools } from "@agentruns/core";
import { missingSettings } from "../src/config.js";
import { DYNAMIC_ABOVE } from "../src/dynamic.js";
import { PROVIDERS } from "../src/generated/providers.js";
import { selectProviders } from "../src/providers.js";
import { listedTools, servingNote } from "../src/server.js";

const duvo = PROVIDERS.find((p) => p.id === "duvo")!;
/** The generated provider constant of a provider with no server of its own (it names its id and title, as all do). */
const bigFacts = {
  ...duvo.provider,
  id: "big",
  title: "Big",
  serverUrl: null,
  baseUrlEnv: ["BIG_BASE_URL"],
  credentials: [],
  requiredOptions: [],
};
/** A provider of DYNAMIC_ABOVE + 6 operations (Docker Engine's shape: 102 operations, its server relative). */
const big: ProviderTools = {
  ...duvo,
  id: "big",
  title: "Big",
  provider: bigFacts,
  tools: Array.from({ length: DYNAMIC_ABOVE + 6 }, (_, i) => ({ ...duvo.tools[0]!, name: `big_op_${i}` })),
};
const names = (...tools: ProviderTools[]) =>
  listedTools({ providers: tools.map((t) => ({ tools: t })) }).map((t) => t.name);

describe("serving", () => {
  it("a large provider goes behind the dynamic tools; the others keep exactly their tools", () => {
    const alone = names(duvo);
    expect(alone.every((n) => n.startsWith("duvo_"))).toBe(true);
    const both = names(duvo, big);
    expect(both).toEqual([...alone, "search_operations", "get_operation_schema", "invoke_operation"]);
    expect(servingNote({ providers: [{ tools: duvo }] })).toBeUndefined();
    expect(servingNote({ providers: [{ tools: duvo }, { tools: big }] })).toBe(
      `big (${DYNAMIC_ABOVE + 6}): served through search_operations, get_operation_schema and invoke_operation ` +
        `(more than ${DYNAMIC_ABOVE} tools each); --mode tools lists every operation as a tool, --provider serves fewer providers`,
    );
  });

  it("--mode tools lists every operation, --mode dynamic puts every provider behind the three tools", () => {
    const providers = [{ tools: duvo }, { tools: big }];
    expect(listedTools({ providers, mode: "tools" })).toHaveLength(duvo.tools.length + big.tools.length);
    expect(listedTools({ providers, mode: "dynamic" }).map((t) => t.name)).toEqual([
      "search_operations",
      "get_operation_schema",
      "invoke_operation",
    ]);
    expect(servingNote({ providers, mode: "dynamic" })).toMatch(
      /^duvo \(\d+\), big \(70\): .*\(--mode dynamic\)/,
    );
  });

  it("a provider whose spec names no server is configured only with a base URL, and the error says where", () => {
    const facts = { id: "big", title: "Big", ...big.provider };
    expect(missingSettings(facts, {})).toEqual(["baseUrl"]);
    expect(missingSettings(facts, { baseUrl: "http://127.0.0.1:1" })).toEqual([]);
    expect(missingSettings({ id: "duvo", title: "Duvo", ...duvo.provider }, {})).toEqual(["apiKey"]);
    const env = { BIG_BASE_URL: "http://127.0.0.1:1" };
    const select = (e: Record<string, string>, providers?: string[]) =>
      selectProviders({ configPath: "/nonexistent/config.json", ...(providers ? { providers } : {}) }, e, [
        duvo,
        big,
      ]);
    expect(select(env).map((b) => b.tools.id)).toEqual(["big"]);
    expect(() => select({})).toThrow("no provider is configured: set DUVO_API_KEY, or BIG_BASE_URL");
    expect(() => select({}, ["big"])).toThrow(
      'Big needs a base URL (its spec names no server): set BIG_BASE_URL, pass --base-url, or add "baseUrl" under profiles.<name>.big in /nonexistent/config.json',
    );
  });
});
