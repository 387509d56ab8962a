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

/** Rows per batch: a batch is written when it has this many, or when the listing waits (for the next page, say). */
const BATCH_ROWS = 512;

/**
 * Rows gathered into batches, each rendered to text (`render`) and written at once: one write per row was one system
 * call per row, and CSV's stringifier set itself up per row (together a third of a 100,000-row listing's time). A
 * batch goes out at BATCH_ROWS or on the next turn of the event loop, so rows still appear as their page arrives;
 * `write` waits while the reader is behind, so memory stays flat.
 */
function batched<T>(
  stream: Writable,
  render: (items: T[]) => string,
): { write(item: T): Promise<void>; flush(): Promise<void> } {
  let items: T[] = [];
  let scheduled: ReturnType<typeof setImmediate> | undefined;
  let drained: Promise<void> | undefined;
  const send = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (!items.length) return;
    const text = render(items);
    items = [];
    if (!stream.write(text) && !drained) {
      // A stream that fails instead (a reader gone: EPIPE) reports it through its own error event.
      drained = once(stream, "drain").then(
        () => void (drained = undefined),
        () => void (drained = undefined),
      );
    }
  };
  return {
    async write(item) {
      if (drained) await drained;
      items.push(item);
      if (items.length >= BATCH_ROWS) send();
      else scheduled ??= setImmediate(send);
    },
    async flush() {
      send();
      if (drained) await drained;
    },
  };
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
  if (format === "csv") {
    let count = 0;
    const csv = (rows: unknown[][]) =>
      stringify(rows, { record_delimiter: "windows", cast: { boolean: (b) => String(b) } });
    const out = batched(stream, csv);
    return {
      write: async (row) => {
        if (!count++) await out.write([...columns]);
        await out.write(columns.map((c) => (row as Record<string, unknown>)[c] ?? ""));
      },
      close: async () => {
        if (!count) await out.write([...columns]);
        await out.flush();
      },
    };
  }
  const out = batched<string>(stream, (texts) => texts.join(""));
  const writer = textWriter(format, out.write, columns, options);
  return {
    write: writer.write,
    close: async () => {
      await writer.close();
      await out.flush();
    },
  };
}

/** The rows of a text format, handed to `emit` row by row. */
function textWriter<T extends object>(
  format: Exclude<Format, "csv">,
  emit: (text: string) => Promise<void>,
  columns: readonly (keyof T & string)[],
  options: { color: boolean; width?: number },
): RowWriter<T> {
  let count = 0;
  switch (format) {
    case "json":
      return {
        write: (row) => emit(`${count++ ? ",\n" : "[\n"}  ${JSON.stringify(row)}`),
        close: () => emit(count ? "\n]\n" : "[]\n"),
      };
    case "jsonl":
      return { write: (row) => emit(`${JSON.stringify(row)}\n`), close: async () => {} };
    case "table":
      return tableWriter(emit, columns, options);
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
  emit: (text: string) => Promise<void>,
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
      await emit(text);
    },
    close: async () => {
      if (!count) await emit("No runs.\n");
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
