// The directory run's committed report (docs/generality.md, written by src/directory/report.ts): each of its tables
// has as many cells in every row as its header names, so every figure sits under the column that says what it is.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const report = readFileSync(path.resolve(here, "../../../docs/generality.md"), "utf8");

/** A table row's cells (a `|` escaped as `\|` inside a cell does not split it). */
const cells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/).length;

it("gives every row of each table of docs/generality.md its header's number of cells", () => {
  const tables: string[][] = [];
  let current: string[] | undefined;
  for (const line of report.split("\n")) {
    if (line.startsWith("|")) (current ??= []).push(line);
    else if (current) (tables.push(current), (current = undefined));
  }
  if (current) tables.push(current);
  expect(tables.length).toBeGreaterThanOrEqual(4);
  for (const [header, ...rows] of tables) {
    const n = cells(header!);
    const wrong = rows.filter((r) => cells(r) !== n).slice(0, 3);
    expect(wrong, `a table headed ${header!.slice(0, 80)}…`).toEqual([]);
  }
});
