import { DuvoClient } from "../duvo/dist/index.js";

export async function everyOperation(client: DuvoClient): Promise<unknown[]> {
  const out: unknown[] = [];
  const items: unknown[] = [];
  for await (const item of client.runs.list({})) items.push(item);
  const page0 = await client.runs.list({});
  out.push(page0.data);
  out.push(await client.runs.create(null as never));
  out.push(await client.runs.get("p"));
  for await (const item of client.runs.messages.list("p", {})) items.push(item);
  const page3 = await client.runs.messages.list("p", {});
  out.push(page3.data);
  out.push(await client.runs.messages.create("p", null as never));
  out.push(await client.runs.humanRequests.respond("p", "p", null as never));
  out.push(await client.runs.stop("p"));
  return [...out, ...items];
}
