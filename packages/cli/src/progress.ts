// Progress of a long listing on stderr (pages, rows, rate, ETA when the total is known); stdout stays clean.
import type { Writable } from "node:stream";

export type ProgressMode = "tty" | "lines" | "off";

export class Progress {
  #pages = 0;
  #rows = 0;
  readonly #totals = new Map<string, number | undefined>();
  readonly #started = Date.now();
  #shown = 0;
  #dirty = false;

  constructor(
    private readonly stream: Writable,
    private readonly mode: ProgressMode,
    /** At most this many rows will be printed (--limit). */
    private readonly limit?: number,
  ) {}

  /**
   * A page of `key` (one list request stream) arrived; `total` is what that stream will hold, if known. Shown with
   * its rows (the next `row()` or `done()`), never before them: no `1 page · 0/3 rows`.
   */
  page(key: string, total: number | undefined): void {
    this.#pages++;
    this.#totals.set(key, total);
    this.#dirty = true;
  }

  row(): void {
    this.#rows++;
    this.#tick();
  }

  /** The expected number of rows, when every stream said its total. */
  get total(): number | undefined {
    if (!this.#totals.size) return this.limit;
    let sum = 0;
    for (const t of this.#totals.values()) {
      if (t === undefined) return this.limit;
      sum += t;
    }
    return this.limit === undefined ? sum : Math.min(sum, this.limit);
  }

  text(): string {
    const seconds = (Date.now() - this.#started) / 1000;
    const rate = seconds > 0 ? this.#rows / seconds : 0;
    const parts = [
      `${this.#pages.toLocaleString("en-US")} ${this.#pages === 1 ? "page" : "pages"}`,
      `${this.#rows.toLocaleString("en-US")}${this.total === undefined ? "" : `/${this.total.toLocaleString("en-US")}`} rows`,
      `${Math.round(rate).toLocaleString("en-US")} rows/s`,
    ];
    const total = this.total;
    if (total !== undefined && rate > 0 && this.#rows < total)
      parts.push(`ETA ${Math.ceil((total - this.#rows) / rate)}s`);
    return `agentruns: ${parts.join(" · ")}`;
  }

  #tick(): void {
    if (this.mode === "off") return;
    this.#dirty = true;
    const now = Date.now();
    if (now - this.#shown < (this.mode === "tty" ? 100 : 1000)) return;
    this.#shown = now;
    this.#dirty = false;
    this.stream.write(this.mode === "tty" ? `\r\x1b[K${this.text()}` : `${this.text()}\n`);
  }

  /** The last state (lines mode), or the progress line cleared (TTY). */
  done(): void {
    if (this.mode === "tty") this.stream.write("\r\x1b[K");
    else if (this.mode === "lines" && (this.#dirty || this.#shown === 0))
      this.stream.write(`${this.text()}\n`);
  }
}
