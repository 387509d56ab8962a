// MCP tool names (emit/client/tools.ts toolNames): `<provider>_<resource>_<method>` in snake case, at most the 64
// characters MCP clients accept, shortened by whole words (never mid-word), unique within a provider.
import { expect, it } from "vitest";
import type { Method } from "../src/client-methods.js";
import { toolNames } from "../src/emit/client/tools.js";

const methods = (...names: string[]) =>
  names.map((n) => {
    const parts = n.split(".");
    return { resource: parts.slice(0, -1), name: parts.at(-1)! } as unknown as Method;
  });

it("names a tool after its provider, resource path and method", () => {
  expect(toolNames("duvo", methods("runs.humanRequests.respond", "runs.list"))).toEqual([
    "duvo_runs_human_requests_respond",
    "duvo_runs_list",
  ]);
});

it("shortens a long name by whole words, the resource's outermost first, and keeps it unique", () => {
  const long =
    "subscriptions.resourceGroups.providers.microsoftSignalRService.signalR.privateEndpointConnections.createOrUpdate";
  const names = toolNames("azure", methods(long, long.replace("subscriptions.", "tenants.")));
  for (const name of names) expect(name.length).toBeLessThanOrEqual(64);
  // Every word of a name is a whole word of the full name, in its order, ending with the method's.
  const full =
    "azure_subscriptions_resource_groups_providers_microsoft_signal_r_service_signal_r_private_endpoint_connections_create_or_update";
  expect(full.endsWith(names[0]!.replace(/^azure_/, ""))).toBe(true);
  expect(names[0]).toMatch(/^azure_.*_private_endpoint_connections_create_or_update$/);
  expect(names[1]).toMatch(/_create_or_update_2$/);
  expect(new Set(names).size).toBe(2);
});

it("cuts only a single word longer than the room", () => {
  const [name] = toolNames("p", methods(`things.${"a".repeat(80)}`));
  expect(name).toBe(`p_${"a".repeat(62)}`);
});
