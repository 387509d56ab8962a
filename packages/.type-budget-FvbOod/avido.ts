import { AvidoClient } from "../avido/dist/index.js";

export async function everyOperation(client: AvidoClient): Promise<unknown[]> {
  const out: unknown[] = [];
  const items: unknown[] = [];
  for await (const item of client.runs.list({})) items.push(item);
  const page0 = await client.runs.list({});
  out.push(page0.data);
  return [...out, ...items];
}
