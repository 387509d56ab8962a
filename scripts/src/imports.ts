// The imports of one generated file, registered by the code that uses each name (never found by searching the text
// afterwards), and rendered once: one statement per module, in the order first used, its names sorted.

export class Imports {
  readonly #modules = new Map<string, Map<string, "value" | "type">>();

  /** Registers `name` from `module` (a value wins over a type of the same name) and returns it, for inline use. */
  use(module: string, name: string, kind: "value" | "type" = "value"): string {
    let names = this.#modules.get(module);
    if (!names) this.#modules.set(module, (names = new Map()));
    if (names.get(name) !== "value") names.set(name, kind);
    return name;
  }

  /** A type name from `module`. */
  type(module: string, name: string): string {
    return this.use(module, name, "type");
  }

  /** The import statements, in the order the modules were first used. */
  render(): string {
    let out = "";
    for (const [module, names] of this.#modules) {
      const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
      const all = sorted.every(([, kind]) => kind === "type");
      const list = sorted.map(([name, kind]) => (kind === "type" && !all ? `type ${name}` : name));
      out += `import ${all ? "type " : ""}{ ${list.join(", ")} } from ${JSON.stringify(module)};\n`;
    }
    return out;
  }
}
