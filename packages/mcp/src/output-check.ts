// A tool's answers checked against its output schema before they leave, with the validator MCP clients use: an answer
// that breaks its spec is reported as what it is, instead of making the client reject the whole call.
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { ToolJsonSchema } from "@agentruns/core";

const validator = new AjvJsonSchemaValidator();
const compiled = new WeakMap<ToolJsonSchema, (data: unknown) => string | undefined>();

/** The problem of `data` under `schema` (ajv's words), or undefined when it conforms. Compiled once per schema. */
export function outputProblem(schema: ToolJsonSchema, data: unknown): string | undefined {
  let check = compiled.get(schema);
  if (!check) {
    const validate = validator.getValidator(schema as Parameters<typeof validator.getValidator>[0]);
    check = (d) => {
      const r = validate(d);
      return r.valid ? undefined : (r.errorMessage ?? "does not match");
    };
    compiled.set(schema, check);
  }
  return check(data);
}
