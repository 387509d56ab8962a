// The registries of every provider (packages/mcp's tools, packages/cli's clients) as a provider added through "Add a
// provider" gets them: its packages imported under names valid for any id, its client class named from its title,
// and the workspace dependencies that make the imports resolve.
import { describe, expect, it } from "vitest";
import { providers } from "../providers.js";
import { cliDependencies, renderCliProviders } from "../src/emit/registries/cli.js";
import { mcpDependencies, renderMcpProviders } from "../src/emit/registries/mcp.js";
import type { ProviderEntry } from "../src/provider.js";

const added: ProviderEntry = { id: "agent-runs", title: "Agent Runs", spec: "specs/agent-runs.openapi.json" };
const entries = [...providers, added];

describe("the CLI's registry", () => {
  const text = renderCliProviders(entries);
  it("imports each provider's full client (its entry's class) and facts, a new one's under identifier-safe names", () => {
    expect(text).toContain('import { AgentRuns as agent_runsClient } from "@agentruns/agent-runs";');
    expect(text).toContain(
      'import { operationTable as agent_runsOperations, provider as agent_runsProvider } from "@agentruns/agent-runs-openapi";',
    );
    // The entry's class, with the package's extras (Duvo's runs.waitFor), not the bare generated one.
    expect(text).toContain('import { Duvo as duvoClient } from "@agentruns/duvo";');
  });
  it("lists every provider in providers.ts order, and needs both of each one's packages", () => {
    const ids = [...text.matchAll(/\{ id: "([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(entries.map((e) => e.id));
    expect(cliDependencies([added])).toEqual(["@agentruns/agent-runs", "@agentruns/agent-runs-openapi"]);
  });
});

describe("the MCP server's registry", () => {
  it("imports every provider's tools and its entry's class (extras included), a new one's too", () => {
    const text = renderMcpProviders(entries);
    expect(text).toContain('import { tools as agent_runsTools } from "@agentruns/agent-runs/tools";');
    expect(text).toContain('import { AgentRuns as agent_runsClient } from "@agentruns/agent-runs";');
    for (const e of entries) {
      const local = e.id.replace("-", "_");
      expect(text).toContain(`  { ...${local}Tools, Client: ${local}Client },\n`);
    }
    expect(mcpDependencies([added])).toEqual(["@agentruns/agent-runs"]);
  });
});
