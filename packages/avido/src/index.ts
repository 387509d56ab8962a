// Entry point of @agentruns/avido: the generated client and types (src/generated/, never edited by hand) and your
// extras (src/extras/: helpers the spec cannot express). Yours: the generator wrote it once and leaves it alone.
export * from "./generated/index.js";
export { AvidoClient as Avido } from "./generated/index.js";
