// Duckie's opaque cursor: the sort key of the last run on a page, so pages stay stable while runs are added.
import { SimError } from "../errors.js";

export interface CursorKey {
  created: number;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.created, key.id])).toString("base64url");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const [created, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof created === "number" && typeof id === "string") return { created, id };
  } catch {
    // fall through
  }
  throw new SimError("validation", "cursor is not a cursor returned by this API", [
    { path: ["query", "cursor"], keyword: "cursor", message: "query/cursor is invalid" },
  ]);
}

/** Newest first: created descending, then id descending. */
export const newestFirst = (a: CursorKey, b: CursorKey): number =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
