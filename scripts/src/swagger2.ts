// Swagger 2.0 in, OpenAPI 3 out: a 2.0 document (many agent platforms still publish only 2.0) is converted inside the
// pipeline by swagger2openapi, the converter the public OpenAPI directory itself is built with; the vendored file
// stays as the provider wrote it, and generation, `spec:update` and the differ all see the converted document.
// @ts-expect-error swagger2openapi ships no types; its one function used here is typed below.
import swagger2openapi from "swagger2openapi";
import { InputError } from "./input-error.js";

type Json = Record<string, any>;

const convert = (swagger2openapi as { convertObj(doc: Json, options: Json): Promise<{ openapi: Json }> })
  .convertObj;

/** Whether `doc` is a Swagger 2.0 document. */
export const isSwagger2 = (doc: Json): boolean => doc?.swagger === "2.0";

/**
 * `doc` as OpenAPI 3.0: converted when it is Swagger 2.0, as it is otherwise. Converter errors name the file; the
 * converter's fixes of common 2.0 mistakes (`patch`) are applied, and what it only warns about does not stop it.
 * `text` is the document as read: the converter keeps the source text beside the object and, given none, writes the
 * whole document as YAML first (a third of a second for Kubernetes' 4 MB), which the conversion never reads.
 */
export async function toOpenApi3(doc: Json, file: string, text?: string): Promise<Json> {
  if (!isSwagger2(doc)) return doc;
  try {
    const { openapi } = await convert(structuredClone(doc), {
      text: text ?? JSON.stringify(doc),
      patch: true,
      warnOnly: true,
      resolveInternal: false,
      direct: false,
    });
    return openapi;
  } catch (e) {
    throw new InputError(
      `${file}: Swagger 2.0 could not be converted to OpenAPI 3 (${(e as Error).message})`,
    );
  }
}
