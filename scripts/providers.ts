// The one list of providers: adding a provider is one spec in specs/ plus one entry here (see ../README.md).
import type { ProviderEntry } from "./src/provider.js";

export const providers: readonly ProviderEntry[] = [
  {
    id: "duvo",
    title: "Duvo",
    spec: "specs/duvo.openapi.json",
    // Duvo's own CLI reads DUVO_API_BASE_URL; accept it after our DUVO_BASE_URL.
    baseUrlEnv: ["DUVO_BASE_URL", "DUVO_API_BASE_URL"],
    // The simulators validate requests and answers against the spec: it ships in the package.
    shipSpec: true,
    // Methods resolve to the created object, not its envelope (`{ run }`).
    unwrap: { createRun: "run", createRunMessage: "message", respondToHumanRequest: "human_request" },
    // Stopping a stopped run is a no-op: safe to retry.
    idempotent: ["stopRun"],
    // Published: 300 requests per minute per API key.
    rateLimit: { limit: 300, windowMs: 60_000 },
  },
  {
    id: "avido",
    title: "Avido",
    spec: "specs/avido.openapi.yaml",
    // Avido's docs embed this Stainless-hosted document (see specs/README.md).
    source: "https://app.stainless.com/api/spec/documented/avido/openapi.documented.yml",
    shipSpec: true,
    pagination: { listRuns: { style: "skip" } },
  },
  {
    id: "duckie",
    title: "Duckie",
    spec: "specs/duckie.openapi.yaml",
    shipSpec: true,
    // Published: 5,000 requests per minute per key overall (lists 600, which the X-RateLimit-* headers enforce).
    rateLimit: { limit: 5_000, windowMs: 60_000 },
  },
];
