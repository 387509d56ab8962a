#!/usr/bin/env node
// Command-line entry of @agentruns/cli (the code is in src/main.ts).
import { main } from "../dist/main.js";

const code = await main(process.argv.slice(2));
// Exit once stdout has taken everything (pipes may still hold it), without waiting for idle keep-alive sockets.
if (process.stdout.destroyed || process.stdout.writableEnded) process.exit(code);
else process.stdout.write("", () => process.exit(code));
