// Writes rows to stdout as they arrive: a table for people, JSON, JSON Lines or RFC 4180 CSV for programs.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import picocolors from "picocolors";
import type { Row, Status } from "./rows.js";

export const FORMATS = ["table", "json", "jsonl", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** Writes text, waiting while the reader is behind (memory stays flat however long the listing). */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

export interface RowWriter<T> {
  write(row: T): Promise<void>;
  /** Closes the output so it parses (the JSON array's `]`); also after Ctrl-C. */
  close(): Promise<void>;
}

/** Whether colours are on: a TTY, and neither NO_COLOR nor --no-color (FORCE_COLOR turns them on anyway). */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return !!stream.isTTY;
}

/** A writer of `format` on `stream`, for records with the given columns. */
export function rowWriter<T extends object>(
  format: Format,
  stream: Writable,
  columns: readonly (keyof T & string)[],
  options: { color: boolean; width?: number } = { color: false },
): RowWriter<T> {
  let count = 0;
  switch (format) {
    case "json":
      return {
        write: (row) => write(stream, `${count++ ? ",\n" : "[\n"}  ${JSON.stringify(row)}`),
        close: () => write(stream, count ? "\n]\n" : "[]\n"),
      };
    case "jsonl":
      return { write: (row) => write(stream, `${JSON.stringify(row)}\n`), close: async () => {} };
    case "csv": {
      const line = (values: unknown[]) =>
        stringify([values], { record_delimiter: "windows", cast: { boolean: (b) => String(b) } });
      return {
        write: async (row) => {
          if (!count++) await write(stream, line([...columns]));
          await write(stream, line(columns.map((c) => (row as Record<string, unknown>)[c] ?? "")));
        },
        close: async () => {
          if (!count) await write(stream, line([...columns]));
        },
      };
    }
    case "table":
      return tableWriter(stream, columns, options);
  }
}

// Colours are decided here (colorsFor), not by picocolors' own detection.
const pc = picocolors.createColors(true);

const STATUS_COLOR: Partial<Record<Status, (s: string) => string>> = {
  completed: pc.green,
  failed: pc.red,
  waiting: pc.yellow,
  running: pc.cyan,
  pending: pc.blue,
  cancelled: pc.dim,
};

/** Fixed-width columns, so the table can stream; the title comes last and takes what the terminal has left. */
function tableWriter<T extends object>(
  stream: Writable,
  columns: readonly (keyof T & string)[],
  options: { color: boolean; width?: number },
): RowWriter<T> {
  const layout: [column: string, label: string, width: number][] = [
    ["provider", "PROVIDER", 8],
    ["status", "STATUS", 9],
    ["created_at", "CREATED", 16],
    ["duration_s", "DURATION", 8],
    ["id", "ID", 36],
  ];
  const shown = layout.filter(([c]) => (columns as readonly string[]).includes(c));
  const fixed = shown.reduce((n, [, , w]) => n + w + 2, 0);
  const titleWidth = Math.max(20, (options.width ?? 120) - fixed);
  const fit = (text: string, width: number) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
  const cell = (c: string, value: unknown, width: number): string => {
    if (c === "created_at" && typeof value === "string")
      return fit(value.slice(0, 16).replace("T", " "), width);
    if (c === "duration_s") return (value == null ? "–" : formatSeconds(Number(value))).padStart(width);
    return fit(value == null ? "" : String(value), width);
  };
  let count = 0;
  const paint = (c: string, text: string, row: Record<string, unknown>) =>
    options.color && c === "status" ? (STATUS_COLOR[row.status as Status] ?? ((s) => s))(text) : text;
  return {
    write: async (row) => {
      let text = "";
      if (!count++) {
        const head = [
          ...shown.map(([c, label, w]) => (c === "duration_s" ? label.padStart(w) : label.padEnd(w))),
          "TITLE",
        ].join("  ");
        text += `${options.color ? pc.bold(head) : head}\n`;
      }
      const r = row as Record<string, unknown>;
      const title = r.title == null ? "" : fit(String(r.title), titleWidth).trimEnd();
      text += `${[...shown.map(([c, , w]) => paint(c, cell(c, r[c], w), r)), title].join("  ")}\n`;
      await write(stream, text);
    },
    close: async () => {
      if (!count) await write(stream, "No runs.\n");
    },
  };
}

/** 75 → "1m15s", 3 → "3s", 4000 → "1h06m". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "–";
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** One JSON value, indented, on its own lines. */
export const writeJson = (stream: Writable, value: unknown): Promise<void> =>
  write(stream, `${JSON.stringify(value, null, 2)}\n`);

export type { Row };
