// Entry point of @agentruns/duvo: the generated client and types (src/generated/, never edited by hand) and Duvo's
// extras (src/extras/: waitFor, the human-request check, the webhook parser). Yours, like src/extras/.
export * from "./generated/index.js";
export * from "./extras/index.js";
