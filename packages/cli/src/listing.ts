// Runs of one or more providers as one stream of rows, newest first, a page at a time per list request.
import type { BaseClient } from "@agentruns/core";
import { Interrupted } from "./exit-codes.js";
import { mergeNewestFirst, type Source } from "./merge.js";
import type { Progress } from "./progress.js";
import type { CliProvider } from "./providers.js";
import type { Row, Status } from "./rows.js";

export interface ListRequest {
  /** Filters in the provider's own parameter names (a provider's `runs list` flags). */
  query?: Record<string, unknown>;
  /** Normalized statuses to keep. */
  statuses?: readonly Status[];
  /** ISO instant: runs created at or after it. */
  since?: string;
  /** At most this many rows in all (sets the page size when smaller than the largest page). */
  limit?: number;
  pageSize?: number;
  signal: AbortSignal;
  progress?: Progress;
}

/** One provider's runs, newest first, as rows (several list requests merged for Duvo, whose items lack a status). */
export function providerRows(
  provider: CliProvider,
  client: BaseClient<any>,
  request: ListRequest,
): Source<Row> {
  const [sizeParam] = provider.paging;
  const max = provider.listOperation.query[sizeParam!]?.schema.maximum;
  const pageSize = request.pageSize ?? Math.min(max ?? 100, request.limit ?? Infinity);
  const base: Record<string, unknown> = {
    ...provider.newestFirst,
    ...request.query,
    ...(request.since !== undefined ? { [provider.since]: request.since } : {}),
    [sizeParam!]: pageSize,
  };
  const wanted = (s: string) =>
    !request.statuses || request.statuses.includes(provider.statuses[s] ?? "unknown");
  const filter = provider.statusFilter;
  // The statuses to ask for: the spec's own values of the filter (a value added to the spec is listed, as
  // `unknown`, before this CLI's table knows it), else the ones the CLI knows.
  const rule = filter && provider.listOperation.query[filter.param]?.schema;
  const known = ((filter?.multiple ? rule?.items?.enum : rule?.enum) ?? Object.keys(provider.statuses)).map(
    String,
  );
  const nothing: Source<Row> = { label: provider.id, items: (async function* () {})() };
  // None of the provider's statuses is wanted (Avido has no `waiting`): nothing to ask for, not even a page.
  if (request.statuses && !request.statuses.includes("unknown") && !known.some(wanted)) return nothing;
  // Whether rows need filtering here: the provider cannot filter by status (Avido).
  const filterHere = !!request.statuses && !filter;
  const stream = (key: string, query: Record<string, unknown>, status?: string): AsyncIterable<Row> => ({
    async *[Symbol.asyncIterator]() {
      for await (const page of provider.pages(client, query, { signal: request.signal })) {
        request.progress?.page(key, filterHere ? undefined : provider.total(page.body as never));
        for (const item of page.data) {
          const row = provider.row(item, status);
          if (!request.statuses || request.statuses.includes(row.status)) yield row;
        }
      }
    },
  });
  if (filter && !filter.multiple && request.query?.[filter.param] === undefined) {
    // One request stream per provider status (stamped on its rows), merged; a failure of one fails the provider.
    const statuses = known.filter(wanted);
    const streams = statuses.map((s) => ({
      label: provider.id,
      items: stream(`${provider.id}:${s}`, { ...base, [filter.param]: s }, s),
    }));
    // The user may have asked for another order (Duvo's --sort-order asc): the streams are merged in that order.
    const reordered = Object.entries(provider.newestFirst).some(
      ([k, v]) => request.query?.[k] !== undefined && request.query[k] !== v,
    );
    const key = reordered ? (row: Row) => -at(row) : at;
    return { label: provider.id, items: { [Symbol.asyncIterator]: () => mergeNewestFirst(streams, key) } };
  }
  if (filter && !filter.multiple) {
    const status = String(request.query![filter.param]);
    return { label: provider.id, items: stream(provider.id, base, status) };
  }
  if (filter && request.statuses && request.query?.[filter.param] === undefined) {
    const statuses = known.filter(wanted);
    base[filter.param] = statuses;
  }
  return { label: provider.id, items: stream(provider.id, base) };
}

/** Newest first by creation time. */
export const at = (row: Row): number => Date.parse(row.created_at) || 0;

/**
 * Every provider's rows merged newest first, at most `limit`. A provider that fails is reported through `onFailure`
 * and the others go on; Ctrl-C ends the listing with Interrupted.
 */
export async function* mergedRows(
  sources: readonly Source<Row>[],
  request: ListRequest,
  onFailure: (provider: string, error: unknown) => void,
): AsyncGenerator<Row, void, undefined> {
  let n = 0;
  if (request.limit === 0) return;
  const failed = (label: string, error: unknown) => {
    if (request.signal.aborted) throw new Interrupted();
    onFailure(label, error);
  };
  for await (const row of mergeNewestFirst(sources, at, failed)) {
    if (request.signal.aborted) throw new Interrupted();
    yield row;
    if (++n === request.limit) return;
  }
  if (request.signal.aborted) throw new Interrupted();
}
