// Which operations share a module in the per-operation layout: neighbours in path order, about GROUP_SIZE to a
// module. One module per operation gave Microsoft Graph 26,218 generated files, and their number, not the types in
// them, was what generation and the typed package's type-check spent their time on (docs/large-specs.md). A group's
// boundaries are decided by its operations' own names (content-defined, as rsync cuts files into blocks), so adding or
// removing an operation changes the module it falls in and leaves every other module as it was.

/** The mean number of operations in a group: the consumer of three operations loads three groups' types. */
export const GROUP_SIZE = 8;

/** No group holds more than this many times GROUP_SIZE operations, whatever the names' hashes. */
const MAX_FACTOR = 4;

export interface GroupedOperation {
  id: string;
  method: string;
  path: string;
}

/**
 * The operations' ids in groups: sorted by path, then method, then id; a group starts at an operation whose id
 * hashes to 0 modulo `size` (one in `size`, wherever it falls), or after `MAX_FACTOR × size` operations in one group.
 */
export function groupOperations(ops: readonly GroupedOperation[], size = GROUP_SIZE): string[][] {
  const sorted = [...ops].sort(
    (a, b) => compare(a.path, b.path) || compare(a.method, b.method) || compare(a.id, b.id),
  );
  const groups: string[][] = [];
  let current: string[] = [];
  for (const op of sorted) {
    if (current.length && (fnv1a(op.id) % size === 0 || current.length >= MAX_FACTOR * size)) {
      groups.push(current);
      current = [];
    }
    current.push(op.id);
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Code-unit order, the same in every locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** FNV-1a, 32 bits, over the UTF-16 code units: a stable hash that needs no library. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
