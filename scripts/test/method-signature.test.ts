// A method's arguments (method-signature.ts): path parameters, then the body, then the params object, except that
// an optional body never stands before required parameters, so no call passes `undefined` to reach them.
import { expect, it } from "vitest";
import { callOf } from "../src/example-call.js";
import { Imports } from "../src/imports.js";
import { signature } from "../src/method-signature.js";
import { buildModel } from "../src/model.js";

const op = (operationId: string, query: { required: boolean }, body: { required: boolean }) => ({
  post: {
    operationId,
    tags: ["Plugin"],
    parameters: [{ name: "remote", in: "query", required: query.required, schema: { type: "string" } }],
    requestBody: {
      required: body.required,
      content: { "application/json": { schema: { type: "object", properties: { a: { type: "string" } } } } },
    },
    responses: { "204": { description: "done" } },
  },
});
const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/plugins/pull": op("PluginPull", { required: true }, { required: false }),
    "/plugins/push": op("PluginPush", { required: false }, { required: false }),
    "/plugins/create": op("PluginCreate", { required: true }, { required: true }),
  },
};
const model = buildModel({ id: "t", title: "T", spec: "t.json" }, doc);
const byId = (id: string) => model.client.methods.find((m) => m.operationId === id)!;
const args = (id: string) =>
  signature(model.provider, byId(id), new Imports()).args.map(([, a]) => a.split(":")[0]);

it("takes required params before an optional body", () => {
  expect(args("PluginPull")).toEqual(["params", "body?", "options?"]);
  // The example call the README and the smoke test print: the params object alone, no `undefined` before it.
  const call = callOf(byId("PluginPull"), model.operations.PluginPull!, model.doc)!;
  expect(call.args).toMatch(/^\{"remote":"[^"]*"\}$/);
  expect(call.expr).toBe(`client.plugins.pull(${call.args})`);
});

it("keeps body before params where both are optional or the body is required", () => {
  expect(args("PluginPush")).toEqual(["body?", "params?", "options?"]);
  expect(args("PluginCreate")).toEqual(["body", "params", "options?"]);
});
