// File names for generated modules named after the spec (one per component, per group of operations, per function)
// that survive every file system a package is unpacked on: names that differ only by case (`User`, `user`) get
// distinct files on macOS and Windows too, and no name is one Windows reserves (`con`, `nul`, `com1`).

/** Names Windows reserves for devices, whatever the case or extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file base name (no extension) for each name, in the order given: the name itself where it is unique ignoring
 * case, else the name with `_2`, `_3`… after the first one. Names are identifiers (the generator's exports), so
 * they hold no path separators.
 */
export function portableFileNames(names: Iterable<string>): Map<string, string> {
  const taken = new Set<string>();
  const files = new Map<string, string>();
  for (const name of names) {
    if (files.has(name)) continue;
    let base = RESERVED.test(name) ? `${name}_` : name;
    for (let n = 2; taken.has(base.toLowerCase()); n++) base = `${name}_${n}`;
    taken.add(base.toLowerCase());
    files.set(name, base);
  }
  return files;
}
