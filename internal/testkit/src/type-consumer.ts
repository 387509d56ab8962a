// A consumer file that calls every operation of a generated ergonomic client once, for the type-cost budgets: path
// parameters as strings, bodies and required params as `never` (so the count is the client's, not the arguments').

/** What the consumer needs of a generated method (the generator model's `client.methods` entries fit). */
export interface ConsumedMethod {
  resource: readonly string[];
  name: string;
  pathParams: readonly unknown[];
  body?: unknown;
  params?: unknown;
  paramsOptional: boolean;
  pagination?: unknown;
}

export function consumerOf(methods: readonly ConsumedMethod[], from: string, clientClass: string): string {
  const calls = methods.map((m, i) => {
    const args = [
      ...m.pathParams.map(() => `"p"`),
      ...(m.body ? ["null as never"] : []),
      ...(m.params ? [m.paramsOptional ? "{}" : "null as never"] : []),
    ];
    const call = `client.${[...m.resource, m.name].join(".")}(${args.join(", ")})`;
    return m.pagination
      ? `  for await (const item of ${call}) items.push(item);\n  const page${i} = await ${call};\n  out.push(page${i}.data);`
      : `  out.push(await ${call});`;
  });
  return (
    `import { ${clientClass} } from ${JSON.stringify(from)};\n\n` +
    `export async function everyOperation(client: ${clientClass}): Promise<unknown[]> {\n` +
    `  const out: unknown[] = [];\n  const items: unknown[] = [];\n${calls.join("\n")}\n  return [...out, ...items];\n}\n`
  );
}
