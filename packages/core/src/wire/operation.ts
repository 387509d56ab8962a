// What the generator knows of one operation at run time (its parameters' and body's rules, media and security): the
// shape of every generated operation table, declared once here and vendored into each typed package.

/** A JSON Schema subset (refs inlined) describing one input value. */
export interface Rule {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  required?: readonly string[];
  items?: Rule;
  properties?: Readonly<Record<string, Rule>>;
  additionalProperties?: Rule | false;
  propertyNames?: { pattern: string };
}

/** How a parameter is serialized (OpenAPI's `style`); absent: its location's default (path and header `simple`,
 * query and cookie `form`). */
export type ParamStyle =
  "simple" | "label" | "matrix" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** One path, query, header or cookie parameter. */
export interface ParamSpec {
  required: boolean;
  schema: Rule;
  /** Sent as `<name>.<key>=<value>` per entry. */
  dotted?: boolean;
  /** The spec's `style`, when it is not the location's default. */
  style?: ParamStyle;
  /** The spec's `explode`, when it is not the style's default (true for form, false for the others). */
  explode?: boolean;
}

/** The HTTP methods an OpenAPI operation can have. */
export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "OPTIONS" | "HEAD" | "TRACE";

/** One operation as the client sends it: method, path, the rules of its input, its media and its security. */
export interface OperationSpec {
  /** The spec's operationId (the generated per-operation constants carry it). */
  operationId?: string;
  method: string;
  path: string;
  pathParams: Readonly<Record<string, ParamSpec>>;
  query: Readonly<Record<string, ParamSpec>>;
  /** Header and cookie parameters (credentials are not among them: they come from the security schemes). */
  header?: Readonly<Record<string, ParamSpec>>;
  cookie?: Readonly<Record<string, ParamSpec>>;
  /** JSON unless `media` says otherwise (`contentType` is then sent as is). */
  body?: {
    required: boolean;
    schema: Rule;
    media?: "multipart" | "form" | "text" | "binary";
    contentType?: string;
  };
  /**
   * What a success answer holds. Absent: JSON only (an answer in another media type is not what was declared);
   * "mixed": JSON or another media type, read as the answer's Content-Type says; the others: what an answer whose
   * Content-Type says nothing holds.
   */
  response?: "mixed" | "text" | "binary" | "sse" | "ndjson" | "none";
  /** The Accept header of an operation whose only success answer is a stream (`text/event-stream`, ndjson). */
  accept?: string;
  /** The spec declares 304 Not Modified: it is an answer (no body), not an error. */
  notModified?: boolean;
  /** Alternative security requirements, each a list of scheme names; absent or `[]`: no credentials. */
  security?: readonly (readonly string[])[];
}

/** An entry of a generated operation table: its operationId, method and security always set. */
export interface OperationEntry<Id extends string = string> extends OperationSpec {
  operationId: Id;
  method: HttpMethod;
  security: readonly (readonly string[])[];
}
