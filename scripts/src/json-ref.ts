// Local `$ref`s (`#/components/...`): the one JSON-pointer resolver the generator and the differ share.
type Json = Record<string, any>;

/** The node a local JSON pointer (`#/a/b~1c`) names in `doc`; external refs are refused. */
export function pointer(doc: Json, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported (got ${ref})`);
  return ref
    .slice(2)
    .split("/")
    .reduce((n: Json, k: string) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}

/** Follows `$ref`s from `node` until it reaches a node that is not one (a cycle of more than 32 hops throws). */
export function resolveRef(doc: Json, node: Json): Json {
  for (let hops = 0; typeof node?.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${node.$ref}`);
    node = pointer(doc, node.$ref);
  }
  return node;
}
