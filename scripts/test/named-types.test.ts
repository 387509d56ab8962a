// What an editor shows: hovering a generated method's call, its parameters and its result names the spec's own
// types (`APIPromise<GetRunResponse>`, `PagePromise<RunSummary, ListRunsResponse>`), not the lookups they stand for
// (`ResultOf<operations["getRun"]>`), and a type error names them too. Asked of TypeScript's language service, as an
// editor asks it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
let dir: string;
let service: ts.LanguageService;
let file: string;
const source = `import { Duvo } from "../duvo/dist/index.js";
const duvo = new Duvo({ apiKey: "k" });
export const run = duvo.runs.get("3c90c3cc-0d44-4b50-8888-8dd25736052a");
export const page = duvo.runs.list({ limit: 2 });
export const created = duvo.runs.create({ agent_id: "0f8fad5b-d9cb-469f-a165-70867728950e" });
export const wrong: number = await duvo.runs.get("3c90c3cc-0d44-4b50-8888-8dd25736052a");
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(repo, "packages", ".tmp-named-types-"));
  file = path.join(dir, "consumer.ts");
  await writeFile(file, source);
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  };
  service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => {
      const text = ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The hover text at the first occurrence of `word` in the consumer. */
const hover = (word: string): string => {
  const info = service.getQuickInfoAtPosition(file, source.indexOf(word));
  return ts.displayPartsToString(info?.displayParts);
};

describe("@agentruns/duvo in an editor", () => {
  it("hovers show the spec's names", () => {
    expect(hover("run =")).toBe("const run: APIPromise<GetRunResponse>");
    expect(hover("page =")).toBe("const page: PagePromise<RunSummary, ListRunsResponse>");
    // `runs.create` returns the answer's `run` field.
    expect(hover("created =")).toBe("const created: APIPromise<Run>");
    expect(hover("get(")).toContain(
      "get(runId: string, options?: RequestOptions): APIPromise<GetRunResponse>",
    );
    expect(hover("create(")).toContain("create(body: CreateRunBody, options?: RequestOptions)");
  });

  it("a type error names them too", () => {
    const messages = service
      .getSemanticDiagnostics(file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("Type 'GetRunResponse' is not assignable to type 'number'");
    expect(messages.join("\n")).not.toMatch(/ResultOf|operations\[/);
  });
});
