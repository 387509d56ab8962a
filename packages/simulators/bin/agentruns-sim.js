#!/usr/bin/env node
// Command-line entry of @agentruns/simulators (the code is in src/cli.ts).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
