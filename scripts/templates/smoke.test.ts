// The generated package's own smoke test: a client is created from the spec's facts alone and calls the
// README's example operation over real HTTP on 127.0.0.1, sending the credentials that operation needs.
import { startCaptureServer } from "@agentruns/testkit";
import { expect, it } from "vitest";
import { chooseSchemes, createClient, operationTable, provider } from "../src/index.js";

const operations: readonly { method: string; path: string }[] = Object.values(operationTable);

it("creates a client and calls an operation with its credentials", async () => {
  const server = await startCaptureServer();
  try {
    const credentials: readonly { option: string }[] = provider.credentials;
    const options = Object.fromEntries(credentials.map((c) => [c.option, `test-${c.option}`]));
    const client = createClient({ ...options, env: {}, baseUrl: server.url });
    const op = operations.find((o) => o.method === "GET" && !o.path.includes("{")) ?? operations[0]!;
    const path = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], "x"]));
    await client.request(op.method.toLowerCase() as "get", op.path as never, { params: { path } } as never);
    const sent = server.only();
    expect(sent.method).toBe(op.method);
    // A relative server's path (Swagger 2.0's basePath alone) comes before the operation's.
    const serverPath = (provider as { serverPath?: string }).serverPath ?? "";
    expect(sent.pathname).toBe(serverPath + op.path.replace(/\{[^}]+\}/g, "x"));
    const choice = chooseSchemes(op.method, op.path, new Map(Object.entries(options)));
    expect("schemes" in choice).toBe(true);
  } finally {
    await server.close();
  }
});
