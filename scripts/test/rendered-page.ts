// Reads a provider's rendered API page (a Mintlify text dump) into its query parameters and example payload.

export interface PageParam {
  /** "" for a parameter the page shows without its name (a description paragraph standing alone). */
  name: string;
  /** As rendered: `number`, `string<uuid>`, `enum<string>[]`, … */
  type: string;
  default?: string;
  range?: string;
  options?: string[];
  pattern?: string;
  maxItems?: number;
  maxLength?: number;
  /** Description lines in order. */
  text: string[];
}

const TYPE = /^(number|integer|string|boolean|enum<string>|string<[a-z-]+>)(\[\])?$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.<>[\]]*$/;

export function queryParams(page: string): PageParam[] {
  const start = page.indexOf("\nQuery Parameters\n");
  const end = page.indexOf("\nResponse\n", start);
  if (start === -1 || end === -1) throw new Error("no Query Parameters section");
  const lines = page.slice(start, end).split("\n").slice(2);
  const params: PageParam[] = [];
  let current: PageParam | undefined;
  let inOptions = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const afterBlank = lines[i - 1]?.trim() === "";
    if (NAME.test(line) && TYPE.test(lines[i + 1]?.trim() ?? "")) {
      current = { name: line, type: lines[++i]!.trim(), text: [] };
      params.push(current);
      inOptions = false;
      continue;
    }
    if (!current || line === "") {
      inOptions = inOptions && line !== "";
      continue;
    }
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^default:(.*)$/))) current.default = m[1];
    else if ((m = line.match(/^Required range: (.*)$/))) current.range = m[1];
    else if ((m = line.match(/^Pattern: (.*)$/))) current.pattern = m[1];
    else if ((m = line.match(/^Maximum array length: (\d+)$/))) current.maxItems = Number(m[1]);
    else if ((m = line.match(/^Maximum string length: (\d+)$/))) current.maxLength = Number(m[1]);
    else if (line === "Available options:") {
      current.options = [];
      inOptions = true;
    } else if (inOptions) current.options!.push(line.replace(/,$/, ""));
    else if (afterBlank && current.text.length) {
      // A second paragraph of prose after a blank line: a parameter whose name the page does not show.
      current = { name: "", type: "", text: [line] };
      params.push(current);
    } else current.text.push(line);
  }
  return params;
}

/** The pretty-printed JSON example response at the top of the page. */
export function examplePayload(page: string): unknown {
  const start = page.indexOf("\n{\n");
  const end = page.indexOf("\n}", start);
  return JSON.parse(page.slice(start + 1, end + 2));
}
