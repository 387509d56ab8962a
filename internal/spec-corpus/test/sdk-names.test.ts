// The naming rule against the names people chose (#36): of the routes OpenAI's spec and openai-node share, at least
// 85% get openai-node's resource path and method, and Langfuse's get langfuse-js's as often; docs/generality.md
// shows both comparisons, every differing route included, and is rewritten with UPDATE_GOLDEN=1.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import prettier from "prettier";
import { expect, it } from "vitest";
import { REFERENCES, matchNames, namingSection } from "../src/naming/sdk-names.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const DOC = path.join(repo, "docs/generality.md");
const SECTION = /## Method names against official SDKs\n[\s\S]*?(?=\n## |$)/;

it("names at least 85% of the routes as the official SDKs do, and docs/generality.md says so", async () => {
  const matches = await Promise.all(REFERENCES.map(matchNames));
  for (const m of matches) {
    // The comparison itself: it found the routes, and a name it calls equal is equal once normalized.
    expect(m.routes, m.reference.sdk).toBeGreaterThan(100);
    expect(m.equal + m.differ.length).toBe(m.routes);
    expect(m.equal / m.routes, `${m.reference.sdk}: ${m.equal} of ${m.routes}`).toBeGreaterThanOrEqual(0.85);
  }
  const section = await prettier.format(namingSection(matches), {
    ...(await prettier.resolveConfig(DOC)),
    filepath: DOC,
  });
  const doc = await readFile(DOC, "utf8");
  const updated = SECTION.test(doc)
    ? doc.replace(SECTION, section.trimEnd() + "\n")
    : doc.replace(/\n## Every spec\n/, `\n${section}\n## Every spec\n`);
  if (process.env.UPDATE_GOLDEN) await writeFile(DOC, updated);
  // The root README quotes the two figures.
  const readme = (await readFile(path.join(repo, "README.md"), "utf8")).replace(/\s+/g, " ");
  const [openai, langfuse] = matches.map(
    (m) => `${((100 * m.equal) / m.routes).toFixed(m.equal === m.routes ? 0 : 1)}%`,
  );
  expect(readme).toContain(
    `${openai} of OpenAI's routes get openai-node's resource path and method and ${langfuse}`,
  );
  expect(
    doc,
    "docs/generality.md's method-name section is stale; rewrite it with " +
      "`UPDATE_GOLDEN=1 pnpm --filter @agentruns/spec-corpus test sdk-names`",
  ).toBe(updated);
});
