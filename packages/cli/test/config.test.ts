// Where credentials come from (flags, profiles, env vars) and that they are never printed, not even with --verbose.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_PROVIDERS } from "../src/providers.js";
import { baseEnv, run } from "./cli.js";

const KEY = "dk_live_profile_secret_1234";
const DUVO_KEY = "duvo_secret_key_5678";
let duckie: Awaited<ReturnType<typeof startSimulator<"duckie">>>;
let duvo: Awaited<ReturnType<typeof startSimulator<"duvo">>>;
let xdg: string;

beforeAll(async () => {
  [duckie, duvo] = await Promise.all([
    startSimulator("duckie", { runs: 5, apiKeys: [KEY], rateLimit: false }),
    startSimulator("duvo", { runs: 5, apiKeys: [DUVO_KEY], rateLimit: false }),
  ]);
  xdg = mkdtempSync(path.join(tmpdir(), "agentruns-config-"));
  mkdirSync(path.join(xdg, "agentruns"));
  writeFileSync(
    path.join(xdg, "agentruns", "config.json"),
    JSON.stringify({
      default_profile: "work",
      profiles: {
        work: { duckie: { apiKey: KEY, baseUrl: duckie.url } },
        broken: { duckie: { apiKey: "dk_wrong_key_0000", baseUrl: duckie.url } },
      },
    }),
  );
});
afterAll(() => Promise.all([duckie.close(), duvo.close()]));

const list = (env: Record<string, string>, ...flags: string[]) =>
  run([...flags, "duckie", "runs", "list", "--json"], baseEnv({ XDG_CONFIG_HOME: xdg, ...env }));

describe("configuration", () => {
  it("reads the default profile of $XDG_CONFIG_HOME/agentruns/config.json", async () => {
    const result = await list({});
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toHaveLength(5);
  });

  it("env vars win over the default profile; --profile (or AGENTRUNS_PROFILE) wins over env vars", async () => {
    const envWins = await list({ DUCKIE_API_KEY: "dk_from_env_9999" });
    expect(envWins.code).toBe(1);
    expect(envWins.stderr).toMatch(/AuthenticationError: 401/);
    const profileWins = await list({ DUCKIE_API_KEY: "dk_from_env_9999" }, "--profile", "work");
    expect(profileWins.code).toBe(0);
    const broken = await list({ AGENTRUNS_PROFILE: "broken" });
    expect(broken.code).toBe(1);
  });

  it("runs list covers the providers that have credentials; one named with --provider must have them", async () => {
    const env = baseEnv({ DUCKIE_API_KEY: KEY, DUCKIE_BASE_URL: duckie.url });
    const result = await run(["--verbose", "runs", "list", "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(5);
    expect(result.stderr).toMatch(/^agentruns: duvo left out: no credentials for it$/m);
    const named = await run(["runs", "list", "--provider", "duckie,duvo"], env);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/Duvo needs apiKey: set DUVO_API_KEY/);
    const none = await run(["runs", "list"], baseEnv());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no provider is configured: set DUVO_API_KEY, or AVIDO_API_KEY \+ AVIDO_APPLICATION_ID, or DUCKIE_API_KEY/,
    );
  });

  it("agentruns config says where every setting comes from, and never a key", async () => {
    const env = baseEnv({ XDG_CONFIG_HOME: xdg, DUVO_API_KEY: DUVO_KEY, AVIDO_API_KEY: "avido_secret_0000" });
    const result = await run(["config", "--json"], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.file).toBe(path.join(xdg, "agentruns", "config.json"));
    expect(report.profile).toBe("work (the default)");
    // Every provider of providers.ts, ready exactly when nothing it needs is missing; the three seeds in full.
    expect(report.providers.map((p: { provider: string }) => p.provider)).toEqual(
      ALL_PROVIDERS.map((p) => p.id),
    );
    for (const entry of report.providers)
      expect(entry.ready, entry.provider).toBe(!JSON.stringify(entry).includes("missing"));
    expect(report.providers.slice(0, 3)).toEqual([
      {
        provider: "duvo",
        ready: true,
        credentials: { apiKey: "set (env DUVO_API_KEY)" },
        baseUrl: "https://api.duvo.ai (the spec's server)",
      },
      {
        provider: "avido",
        ready: false,
        credentials: {
          apiKey: "set (env AVIDO_API_KEY)",
          applicationId: "missing (set AVIDO_APPLICATION_ID)",
        },
        baseUrl: "https://api.avidoai.com (the spec's server)",
      },
      {
        provider: "duckie",
        ready: true,
        credentials: { apiKey: "set (profile work)" },
        baseUrl: `${duckie.url} (profile work)`,
      },
    ]);
    const text = await run(["--profile", "broken", "config"], env);
    expect(text.stdout).toContain("profile      broken");
    expect(text.stdout).toMatch(/^ {2}apiKey {9}set \(profile broken\)$/m);
    for (const output of [result, text])
      for (const secret of [DUVO_KEY, "avido_secret_0000", KEY, "dk_wrong_key_0000"])
        expect(output.stdout + output.stderr).not.toContain(secret);
  });

  it("--base-url wins over everything", async () => {
    const result = await run(
      ["duckie", "--base-url", duckie.url, "runs", "list", "--json"],
      baseEnv({ DUCKIE_API_KEY: KEY, DUCKIE_BASE_URL: "http://127.0.0.1:1" }),
    );
    expect(result.code).toBe(0);
  });

  it("a missing credential, an unknown profile or a broken config file is a usage error (exit 2) naming the fix", async () => {
    const missing = await run(["duckie", "runs", "list"], baseEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'agentruns: Duckie needs apiKey: set DUCKIE_API_KEY, or add "apiKey" under profiles.<name>.duckie in /nonexistent-config/agentruns/config.json\n',
    );
    const avido = await run(["avido", "runs", "list"], baseEnv({ AVIDO_API_KEY: "avido_x" }));
    expect(avido.stderr).toMatch(/Avido needs applicationId: set AVIDO_APPLICATION_ID/);
    const unknown = await list({}, "--profile", "staging");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no profile "staging" in .+config\.json \(profiles: work, broken\)/);
    const file = path.join(xdg, "bad.json");
    writeFileSync(file, '{"profiles": {"x": {"acme": {}}}}');
    const bad = await run(["duckie", "runs", "list"], baseEnv({ AGENTRUNS_CONFIG: file }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /the config file .+bad\.json is not valid: profiles\.x\.acme is not a provider/,
    );
    writeFileSync(file, "{not json");
    const notJson = await run(["--config", file, "duckie", "runs", "list"], baseEnv());
    expect(notJson.stderr).toMatch(/is not valid JSON/);
  });

  it("never prints a key: not in errors, not in --verbose request logs, not for a key it cannot send", async () => {
    const wrong = "duvo_wrong_secret_4321";
    const env = baseEnv({ DUVO_API_KEY: wrong, DUVO_BASE_URL: duvo.url });
    const verbose = await run(["--verbose", "duvo", "runs", "list", "--limit", "1"], env);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/\[duvo\] debug Duvo GET \/v1\/runs.*"authorization":"\[redacted\]"/);
    expect(verbose.stderr).toMatch(/AuthenticationError: 401/);
    const ok = await run(["--verbose", "api", "duvo", "GET", "/v1/runs", "--query", "limit=1"], {
      ...env,
      DUVO_API_KEY: DUVO_KEY,
    });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/\[duvo\] info Duvo GET \/v1\/runs/);
    const newline = await run(["duvo", "runs", "list"], { ...env, DUVO_API_KEY: `${wrong}\n` });
    expect(newline.code).toBe(2);
    expect(newline.stderr).toMatch(/contains a control character/);
    for (const output of [verbose, ok, newline])
      for (const secret of [wrong, DUVO_KEY]) {
        expect(output.stderr).not.toContain(secret);
        expect(output.stdout).not.toContain(secret);
      }
  });
});
