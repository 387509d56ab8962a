// The progress line (progress.ts): a page is shown with its rows, never before them, and counts read as English.
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { Progress } from "../src/progress.js";

const sink = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, stream };
};

it("shows a page with its rows: `1 page · 3/3 rows`, never `1 pages · 0/3 rows`", () => {
  const { lines, stream } = sink();
  const progress = new Progress(stream, "lines");
  progress.page("duvo", 3);
  for (let i = 0; i < 3; i++) progress.row();
  progress.done();
  expect(lines.join("\n")).not.toMatch(/0\/3 rows|1 pages/);
  expect(lines.at(-1)).toMatch(/^agentruns: 1 page · 3\/3 rows · [\d,]+ rows\/s$/);
});

it("says pages past one, and a page with no rows still shows at the end", () => {
  const { lines, stream } = sink();
  const progress = new Progress(stream, "lines");
  progress.page("a", undefined);
  progress.page("b", undefined);
  progress.done();
  expect(lines).toEqual([expect.stringMatching(/^agentruns: 2 pages · 0 rows · /)]);
});
