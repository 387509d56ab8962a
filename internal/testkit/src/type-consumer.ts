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
  const calls = methods.map((m, i) => callOf(m, i, `client.${[...m.resource, m.name].join(".")}`, []));
  return (
    `import { ${clientClass} } from ${JSON.stringify(from)};\n\n` +
    `export async function everyOperation(client: ${clientClass}): Promise<unknown[]> {\n` +
    `  const out: unknown[] = [];\n  const items: unknown[] = [];\n${calls.join("\n")}\n  return [...out, ...items];\n}\n`
  );
}

/**
 * The same consumer through per-operation entry points: each function imported from its own module (`fnFrom`), the
 * client the core of those entry points (`lite` from `liteFrom`).
 */
export function perOperationConsumerOf(
  methods: readonly (ConsumedMethod & { fn: string })[],
  fnFrom: (fn: string) => string,
  lite: string,
  liteFrom: string,
): string {
  const calls = methods.map((m, i) => callOf(m, i, m.fn, ["client"]));
  return (
    `import { ${lite} } from ${JSON.stringify(liteFrom)};\n` +
    methods.map((m) => `import { ${m.fn} } from ${JSON.stringify(fnFrom(m.fn))};\n`).join("") +
    `\nexport async function everyOperation(client: ${lite}): Promise<unknown[]> {\n` +
    `  const out: unknown[] = [];\n  const items: unknown[] = [];\n${calls.join("\n")}\n  return [...out, ...items];\n}\n`
  );
}

/** One call of `m` through `callee` (after `first` arguments), collected into `out` (and `items` for a list). */
function callOf(m: ConsumedMethod, i: number, callee: string, first: string[]): string {
  const args = [
    ...first,
    ...m.pathParams.map(() => `"p"`),
    ...(m.body ? ["null as never"] : []),
    ...(m.params ? [m.paramsOptional ? "{}" : "null as never"] : []),
  ];
  const call = `${callee}(${args.join(", ")})`;
  return m.pagination
    ? `  for await (const item of ${call}) items.push(item);\n  const page${i} = await ${call};\n  out.push(page${i}.data);`
    : `  out.push(await ${call});`;
}
