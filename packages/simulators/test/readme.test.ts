// The README's example runs as published (built dist, imported by package name) and prints what the README says.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { readmeExamples, runExample } from "@agentruns/testkit";
import { expect, it } from "vitest";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

it("README example prints the documented output", async () => {
  const readme = path.join(dir, "README.md");
  const [example] = await readmeExamples(readme, "js");
  const [output] = await readmeExamples(readme, "text");
  const { stdout } = await runExample(dir, example!, {});
  expect(stdout.trim()).toBe(output!.trim());
  expect(await readFile(readme, "utf8")).toContain("agentruns-sim duvo --port 4010");
});
