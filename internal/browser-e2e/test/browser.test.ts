// The clients in a real browser: the browser bundle (esbuild, platform "browser") runs in headless Chromium and
// calls the simulators over loopback HTTP; no Node API is available to it.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import {
  startAvidoSimulator,
  startDuckieSimulator,
  startDuvoSimulator,
  type Simulator,
} from "@agentruns/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const here = path.dirname(fileURLToPath(import.meta.url));
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);

let browser: Browser;
let server: Server;
let origin: string;
let sims: Simulator[];

beforeAll(async () => {
  if (!available) return;
  const bundle = await build({
    entryPoints: [path.join(here, "page.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === "/app.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    res
      .writeHead(200, { "content-type": "text/html" })
      .end('<!doctype html><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  sims = [
    await startDuvoSimulator({ runs: 12 }),
    await startAvidoSimulator({ runs: 15 }),
    await startDuckieSimulator({ runs: 400 }),
  ];
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  for (const s of sims ?? []) await s.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

it.skipIf(!available)("runs every client in headless Chromium against the simulators", async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  await page.goto(origin);
  await page.waitForFunction(
    () => typeof (window as unknown as { runClients?: unknown }).runClients === "function",
  );
  const [duvo, avido, duckie] = sims.map((s) => s.url);
  const result = await page.evaluate(
    (urls) => (window as unknown as { runClients(u: object): Promise<unknown> }).runClients(urls),
    { duvo, avido, duckie },
  );
  const billing = (
    sims[2] as unknown as {
      runs: { metadata: Record<string, string>; summary: { duration_seconds: number | null } }[];
    }
  ).runs.filter((r) => r.metadata.team === "billing" && r.summary.duration_seconds !== null).length;
  expect(result).toEqual({
    env: "no process",
    listed: 5,
    total: 12,
    created: "pending",
    fetched: true,
    requestId: "string",
    missing: 404,
    invalid: "path.run_id",
    aborted: true,
    avido: 15,
    duckie: billing,
  });
  expect(errors).toEqual([]);
  for (const s of sims) expect(s.violations).toEqual([]);
});
