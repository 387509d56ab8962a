// Reading a spec as its publisher wrote it: YAML that the strict parser refuses but common ones read (Docker Engine's
// multi-line quoted strings, indented less than their key) is read, as js-yaml reads it; what no parser reads is one
// error naming the line and what to do.
import { describe, expect, it } from "vitest";
import { InputError } from "../src/input-error.js";
import { parseSpecText } from "../src/provider.js";

const head = 'swagger: "2.0"\ninfo:\n  title: Docker Engine API\n  version: "1.41"\nbasePath: "/v1.41"\n';

describe("YAML", () => {
  it("reads a quoted string continued on a line indented less than its key, as js-yaml and PyYAML do", () => {
    const text =
      head +
      "paths:\n  /containers/json:\n    get:\n      operationId: ContainerList\n" +
      '      description: "Returns a list of containers. For details on the format, see the\n  inspect endpoint."\n' +
      '      responses:\n        "200":\n          description: no error\n';
    const doc = parseSpecText(text, "specs/docker.openapi.yaml");
    expect(doc.paths["/containers/json"].get.description).toBe(
      "Returns a list of containers. For details on the format, see the inspect endpoint.",
    );
    expect(doc.basePath).toBe("/v1.41");
  });

  it("refuses what no parser reads with one error naming the line, the column and what to do", () => {
    const text = head + "paths:\n  /x:\n    get: [unclosed\n  /y: {}\n";
    const read = () => parseSpecText(text, "specs/broken.openapi.yaml");
    expect(read).toThrow(InputError);
    expect(read).toThrow(
      /^specs\/broken\.openapi\.yaml: not valid YAML at line 9, column \d+ \(.+\); no YAML parser reads it, and an overlay applies only to a document that parses: fix that place in the vendored file$/,
    );
  });
});
