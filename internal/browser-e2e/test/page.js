// Runs in the browser page: every client against the simulators, reporting what happened as plain data.
import { Avido } from "@agentruns/avido";
import { Duckie } from "@agentruns/duckie";
import { ApiAbortError, Duvo, NotFoundError, ValidationError } from "@agentruns/duvo";

window.runClients = async (urls) => {
  const duvo = new Duvo({ apiKey: "browser-key", baseUrl: urls.duvo });
  const page = await duvo.runs.list({ limit: 5 });
  const run = await duvo.runs.create({
    agent_id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    message: "from the browser",
  });
  const { data, requestId } = await duvo.runs.get(run.id).withResponse();
  const missing = await duvo.runs.get("3c90c3cc-0d44-4b50-8888-8dd25736052a").catch((e) => e);
  const invalid = await duvo.runs.get("not-a-uuid").catch((e) => e);
  const controller = new AbortController();
  controller.abort();
  const aborted = await duvo.runs.list({}, { signal: controller.signal }).catch((e) => e);

  let avido = 0;
  for await (const _ of new Avido({ apiKey: "k", applicationId: "a", baseUrl: urls.avido }).runs.list({
    limit: 7,
    startDate: new Date(0),
  }))
    avido++;
  let duckie = 0;
  for await (const _ of new Duckie({ apiKey: "k", baseUrl: urls.duckie }).runs.list({
    limit: 9,
    duration: { gte: 0 },
    metadata: { team: "billing" },
  }))
    duckie++;

  return {
    env: typeof process === "undefined" ? "no process" : "process",
    listed: page.data.length,
    total: page.body.total,
    created: run.status,
    fetched: data.run.id === run.id,
    requestId: typeof requestId,
    missing: missing instanceof NotFoundError ? missing.status : String(missing),
    invalid: invalid instanceof ValidationError ? invalid.field : String(invalid),
    aborted: aborted instanceof ApiAbortError,
    avido,
    duckie,
  };
};
