// The README's "Try it" block runs as written, in bash, with `agentruns` on PATH and no API key.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { readmeExamples } from "@agentruns/testkit";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, it } from "vitest";
import { baseEnv, bin } from "./cli.js";

it("the README's shell session runs and prints a table, CSV, stats and JSON", async () => {
  const blocks = (await readmeExamples(path.resolve(import.meta.dirname, "../README.md"), "sh")).filter((b) =>
    b.includes("agentruns sim"),
  );
  expect(blocks).toHaveLength(1);
  const dir = await mkdtemp(path.join(tmpdir(), "agentruns-readme-"));
  const wrapper = path.join(dir, "bin", "agentruns");
  await mkdir(path.dirname(wrapper));
  await writeFile(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  await chmod(wrapper, 0o755);
  // What the README leaves running is stopped at the end.
  const script = `set -e\n${blocks[0]}\nkill %1\nwait\n`;
  const { stdout } = await promisify(execFile)("bash", ["-c", script], {
    cwd: dir,
    env: baseEnv({ PATH: `${path.dirname(wrapper)}:${process.env.PATH}` }),
    timeout: 110_000,
  });
  const [, table, csv, stats, json] = stdout.split(/^(?=PROVIDER|provider,|provider {2}|\{)/m);
  expect(table!.trimEnd().split("\n")).toHaveLength(6);
  for (const row of table!.trimEnd().split("\n").slice(1))
    expect(row).toMatch(/^(duvo|avido|duckie)\s+failed /);
  const records = parseCsv(csv!, { columns: true }) as {
    provider: string;
    status: string;
    duration_s: string;
  }[];
  expect(records).toHaveLength(3);
  for (const r of records) {
    expect(r).toMatchObject({ provider: "duckie", status: "failed" });
    expect(Number(r.duration_s)).toBeGreaterThanOrEqual(60);
  }
  expect(stats).toMatch(/per day since/);
  expect(JSON.parse(json!).data[0]).toHaveProperty("id");
});
