// test/smoke.generated.test.ts of the ergonomic package: the full client, built from the spec's facts alone, reaches
// a loopback server through one resource method called with values the input check accepts.
import { smokeCall } from "../../example-call.js";
import { clientName } from "../../methods.js";
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const smokeTest: Emitter = ({ provider: d, client, operations, doc }) => [
  {
    path: "test/smoke.generated.test.ts",
    text: renderClientSmokeTest(d, smokeCall(client.methods, operations, doc)),
  },
];

/**
 * The generated smoke test: the full client reaches a loopback server through one resource method. A spec with no
 * operation it can call that way (webhooks only, or inputs no value can be shown to satisfy) gets a test that the
 * client is constructed from the spec's facts alone and sends a raw request with them.
 */
function renderClientSmokeTest(
  d: ProviderDescriptor,
  call: { expr: string; method: string; pathname: string } | undefined,
): string {
  const T = clientName(d.title);
  const [title, act, method, pathname] = call
    ? [
        "calls an operation through its resource method over HTTP",
        call.expr,
        call.method,
        `${d.serverPath ?? ""}${call.pathname}`,
      ]
    : [
        "is constructed from the spec's facts and sends a raw request over HTTP",
        `raw(client).GET("/" as never)`,
        "GET",
        `${d.serverPath ?? ""}/`,
      ];
  return (
    header(d) +
    `// Why: the generated client is constructed from the spec's facts alone and ${call ? "one method reaches" : "reaches"} the wire.\n` +
    `import { startCaptureServer } from "@agentruns/testkit";\n` +
    `import { expect, it } from "vitest";\n` +
    `import { provider } from "${d.packageName}";\n` +
    `import { ${T}Client } from "../src/generated/index.js";\n` +
    (call ? "" : `import { raw } from "../src/generated/raw.js";\n`) +
    "\n" +
    `it(${JSON.stringify(title)}, async () => {\n` +
    `  const server = await startCaptureServer();\n` +
    `  try {\n` +
    `    const credentials: readonly { option: string }[] = provider.credentials;\n` +
    `    const options = Object.fromEntries(credentials.map((c) => [c.option, \`test-\${c.option}\`]));\n` +
    `    const client = new ${T}Client({ ...options, env: {}, baseUrl: server.url, maxRetries: 0 });\n` +
    `    server.respondWith({ status: 200, body: {} });\n` +
    `    await (${act}).catch(() => undefined);\n` +
    `    const sent = server.only();\n` +
    `    expect(sent.method).toBe(${JSON.stringify(method)});\n` +
    `    expect(sent.pathname).toBe(${JSON.stringify(pathname)});\n` +
    `  } finally {\n` +
    `    await server.close();\n` +
    `  }\n` +
    `});\n`
  );
}
