// The operation keys of an OpenAPI path item, in the order the generator walks them (and lists operations).
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
