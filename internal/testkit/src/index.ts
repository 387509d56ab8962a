// Entry point of the private test kit.
export * from "./capture-server.js";
export * from "./readme.js";
export * from "./workspace-clone.js";
export * from "./raw-server.js";
export * from "./scratch-workspace.js";
export * from "./type-consumer.js";
export * from "./browser-bundle.js";
export * from "./redis-server.js";
export * from "./duckie-runs.js";
export * from "./secret-search.js";
export * from "./slow-post.js";
