// The wire module's rules on their own (the core and every typed package run this one copy): where credentials are
// read from, which security alternative is chosen, where each credential goes, and what a header can carry.
import { describe, expect, it } from "vitest";
import {
  InvalidCredentialError,
  MissingCredentialError,
  ValidationError,
  chooseAlternative,
  place,
  placeCredentials,
  readCredentials,
  unsendable,
  type CredentialSource,
} from "../src/wire/index.js";

const naming = { title: "Acme", to: "new Acme()" };
const sources: CredentialSource[] = [
  { scheme: "bearer", kind: "bearer", option: "apiKey", env: "ACME_API_KEY" },
  { scheme: "key", kind: "header", option: "appKey", env: "ACME_APP_KEY", name: "X-App-Key" },
  { scheme: "q", kind: "query", option: "token", env: "ACME_TOKEN", name: "token" },
  { scheme: "c", kind: "cookie", option: "session", env: "ACME_SESSION", name: "sid" },
  { scheme: "basic", kind: "basic-username", option: "user", env: "ACME_USER" },
  { scheme: "basic", kind: "basic-password", option: "password", env: "ACME_PASSWORD" },
];

describe("readCredentials", () => {
  it("takes the option over the env var, and the env var when the option is absent", () => {
    const values = readCredentials(
      { credentials: sources, requiredOptions: [] },
      { apiKey: "from-option" },
      { ACME_API_KEY: "from-env", ACME_APP_KEY: "app" },
      naming,
    );
    expect(Object.fromEntries(values)).toEqual({ apiKey: "from-option", appKey: "app" });
  });

  it("a required credential that is missing is a MissingCredentialError naming option and env var", () => {
    const read = () => readCredentials({ credentials: sources.slice(0, 1) }, {}, {}, naming);
    expect(read).toThrow(MissingCredentialError);
    expect(read).toThrow(
      'Missing Acme credential "apiKey": pass { apiKey } to new Acme() or set ACME_API_KEY.',
    );
    const e = (() => {
      try {
        read();
      } catch (error) {
        return error as MissingCredentialError;
      }
    })()!;
    expect([e.option, e.envVar, e.field, e instanceof ValidationError]).toEqual([
      "apiKey",
      "ACME_API_KEY",
      "apiKey",
      true,
    ]);
  });

  it.each([
    ["a trailing newline", "sk_live_abc\n", "control character"],
    ["a pasted ellipsis", "sk_live_abc…", "non-ASCII character"],
    ["a curly quote", "“sk_live_abc”", "non-ASCII character"],
    ["a Latin-1 letter", "sk_live_abcé", "non-ASCII character"],
  ])("%s is an InvalidCredentialError naming the option, never the value", (_, value, problem) => {
    try {
      readCredentials({ credentials: sources.slice(0, 1) }, { apiKey: value }, {}, naming);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidCredentialError);
      expect((e as InvalidCredentialError).field).toBe("apiKey");
      expect((e as Error).message).toContain(`Acme credential "apiKey" contains a ${problem}`);
      expect((e as Error).message).not.toContain("sk_live_abc");
    }
  });

  it("lets basic, query and cookie credentials hold any character they are encoded with, never a line break", () => {
    const values = readCredentials(
      { credentials: sources, requiredOptions: [] },
      { user: "jörg", password: "pä…ss", token: "tök", session: "s€" },
      {},
      naming,
    );
    expect(values.size).toBe(4);
    expect(() =>
      readCredentials({ credentials: sources, requiredOptions: [] }, { password: "p\n" }, {}, naming),
    ).toThrow(InvalidCredentialError);
  });

  it("accepts a token provider for a bearer credential only", () => {
    const token = () => "t";
    const values = readCredentials(
      { credentials: sources.slice(0, 2), requiredOptions: ["apiKey"] },
      { apiKey: token, appKey: () => "x" },
      {},
      naming,
    );
    expect(values.get("apiKey")).toBe(token);
    expect(values.has("appKey")).toBe(false);
  });
});

describe("chooseAlternative", () => {
  const values = new Map([["appKey", "a"]]);
  it("picks the first alternative whose credentials were all given", () => {
    expect(chooseAlternative([["bearer"], ["key"]], sources, values)).toEqual({ schemes: ["key"] });
  });
  it("names the first alternative's missing credential when none can be filled", () => {
    expect(chooseAlternative([["bearer"], ["q"]], sources, values)).toEqual({ missing: sources[0] });
  });
  it("needs nothing when the operation has no requirement", () => {
    expect(chooseAlternative(undefined, sources, values)).toEqual({ schemes: [] });
    expect(chooseAlternative([], sources, values)).toEqual({ schemes: [] });
  });
});

describe("place", () => {
  const resolved = new Map(
    Object.entries({ apiKey: "b", appKey: "h", token: "q v", session: "s;1", user: "u", password: "p:w" }),
  );
  it("puts each kind where its scheme says, and only the chosen schemes", () => {
    expect(place(["key", "q", "c"], sources, resolved)).toEqual({
      headers: { "x-app-key": "h" },
      query: [["token", "q v"]],
      cookies: ["sid=s%3B1"],
    });
    expect(place(["bearer"], sources, resolved).headers).toEqual({ authorization: "Bearer b" });
    expect(place(["basic"], sources, resolved).headers).toEqual({ authorization: `Basic ${btoa("u:p:w")}` });
    expect(place([], sources, resolved)).toEqual({ headers: {}, query: [], cookies: [] });
  });

  it("asks a token provider on every placement", async () => {
    let n = 0;
    const values = new Map([["apiKey", () => `t${++n}`]]);
    expect((await placeCredentials(["bearer"], sources, values)).headers.authorization).toBe("Bearer t1");
    expect((await placeCredentials(["bearer"], sources, values)).headers.authorization).toBe("Bearer t2");
  });
});

describe("unsendable", () => {
  it("refuses control characters always, non-Latin-1 in headers and non-ASCII in credentials", () => {
    expect(unsendable("a\r\nb")).toContain("control character");
    expect(unsendable("café")).toBeUndefined();
    expect(unsendable("a…")).toContain("non-Latin-1");
    expect(unsendable("café", true)).toContain("non-ASCII");
    expect(unsendable("plain-token_123", true)).toBeUndefined();
  });
});
