// How a generated README constructs its client for this spec: credentials from their env vars (named), and the base
// URL passed in code when the spec names no server, so the example works as written (and runs against a mock when
// the env var points there).
import type { ProviderDescriptor } from "../provider.js";

/** The lines that make `client`, given how the package makes one from an options literal (`createClient(…)`). */
export function construction(d: ProviderDescriptor, make: (options: string) => string): string {
  const lines: string[] = [];
  const required = d.credentials.filter((c) => d.requiredOptions.includes(c.option));
  const others = d.credentials.filter((c) => !d.requiredOptions.includes(c.option));
  const named = (list: typeof d.credentials) => list.map((c) => `${c.env} (\`${c.option}\`)`).join(", ");
  if (required.length)
    lines.push(`// Credentials: ${named(required)}, read from the environment unless given.`);
  if (others.length)
    lines.push(`// Operations that need them take ${named(others)}, read from the environment unless given.`);
  const env = d.baseUrlEnv[0]!;
  if (d.serverUrl) return [...lines, `const client = ${make("")};`].join("\n");
  lines.push(
    d.serverPath
      ? `// The spec's server is relative (${d.serverPath}, added after the base URL): the base URL is required (here from ${env}, which the client also reads).`
      : `// The spec names no server: the base URL is required (here from ${env}, which the client also reads).`,
  );
  return [
    ...lines,
    `const client = ${make(`{ baseUrl: process.env.${env} ?? "http://localhost:8080" }`)};`,
  ].join("\n");
}
