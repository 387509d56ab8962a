// openapi-typescript's types of a document the generator has already loaded, converted and normalized (one file,
// internal references only): its own transform (`transformSchema`), without the Redocly lint and bundle pass that
// `openapiTS()` runs first, which cost half of its time on Microsoft Graph (3.5 of 7.3 s). Run both ways over the
// whole public directory (2,639 specs), the output was identical for 2,637; the other two differ in `@example`
// comments only (the pass resolves `$ref`s in examples). The pass also mistakes a `$ref` under a
// property named like an Object.prototype member (`toString`) and inlines its target, where the transform alone keeps
// the reference. internal/spec-corpus/test/openapi-types.test.ts holds the two equal on every spec here.
import {
  resolveRef,
  scanDiscriminators,
  transformSchema,
  type GlobalContext,
  type OpenAPI3,
  type OpenAPITSOptions,
} from "openapi-typescript";
import type ts from "typescript";

/** The options openapiTS() takes that the transform reads: openapiTS()'s defaults where one is not given. */
export function openapiTypes(doc: OpenAPI3, options: OpenAPITSOptions): ts.Node[] {
  const silent = options.silent ?? false;
  const ctx: GlobalContext = {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(doc, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    // Read by the lint and bundle pass only, which this skips.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent,
    inject: options.inject,
    transform: options.transform,
    transformProperty: options.transformProperty,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve: ($ref) => resolveRef(doc, $ref, { silent }),
  };
  return transformSchema(doc, ctx);
}
