// Entry point of @agentruns/cli for programs: run the command line in-process (the `agentruns` bin calls this).
export { main } from "./main.js";
export { EXIT } from "./exit-codes.js";
export { STATUSES, COLUMNS, type Row, type Status } from "./rows.js";
