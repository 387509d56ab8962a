// One page abstraction for every pagination scheme (offset + total, skip + totalPages, opaque cursor + has_more):
// await a list call for one page, or `for await` it for every item; loops in a provider's paging end in an error.
import { APIPromise, type WithResponse } from "./api-promise.js";
import { PaginationError } from "./errors.js";

type Query = Record<string, unknown>;

/** Guards carried from page to page of one walk. */
export interface WalkState {
  cursors: Set<string>;
  emptyPages: number;
}

/** How one scheme reads a page and asks for the next. */
export interface Paginator<Body, Item> {
  items(body: Body): Item[];
  /** The query of the next page, or undefined after the last; throws PaginationError when the page breaks the scheme. */
  next(body: Body, query: Query, state: WalkState): Query | undefined;
}

type FetchPage<Body> = (query: Query) => Promise<WithResponse<Body>>;

export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** The whole response body (totals, cursors, …). */
  readonly body: Body;
  readonly response: Response;
  readonly requestId: string | undefined;
  readonly #next: Query | undefined;
  readonly #fetch: FetchPage<Body>;
  readonly #paginator: Paginator<Body, Item>;
  readonly #state: WalkState;

  constructor(
    result: WithResponse<Body>,
    query: Query,
    fetch: FetchPage<Body>,
    paginator: Paginator<Body, Item>,
    state: WalkState,
  ) {
    this.body = result.data;
    this.response = result.response;
    this.requestId = result.requestId;
    this.data = paginator.items(result.data);
    this.#next = paginator.next(result.data, query, state);
    this.#fetch = fetch;
    this.#paginator = paginator;
    this.#state = state;
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** The query parameters the next page will be fetched with (undefined after the last page). */
  nextPageQuery(): Query | undefined {
    return this.#next;
  }

  async nextPage(): Promise<Page<Item, Body>> {
    const query = this.#next;
    if (!query) throw new PaginationError("No next page: check hasNextPage() first");
    return new Page(await this.#fetch(query), query, this.#fetch, this.#paginator, this.#state);
  }

  /** This page and every following one; only the current page is held in memory. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    let page: Page<Item, Body> | undefined = this;
    while (page) {
      yield page;
      page = page.hasNextPage() ? await page.nextPage() : undefined;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/** A list call: await it for the first Page, or iterate it for every item across pages. */
export class PagePromise<Item, Body = unknown>
  extends APIPromise<Page<Item, Body>>
  implements AsyncIterable<Item>
{
  /** `firstQuery` builds the first page's query; if it throws, the promise rejects (nothing is thrown). */
  constructor(
    firstQuery: Query | (() => Query),
    fetch: FetchPage<Body>,
    paginator: Paginator<Body, Item>,
    label = "list",
  ) {
    const state: WalkState = { cursors: new Set(), emptyPages: 0 };
    const guarded = shapeGuard(paginator, label);
    super(
      new Promise<Query>((resolve) =>
        resolve(typeof firstQuery === "function" ? firstQuery() : firstQuery),
      ).then((query) =>
        fetch(query).then((first) => ({ ...first, data: new Page(first, query, fetch, guarded, state) })),
      ),
    );
  }

  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }
}

/**
 * A paginator that reports a page of the wrong shape (empty body, items not an array, missing paging fields) as a
 * PaginationError naming the list, instead of a TypeError from deep inside a scheme.
 */
function shapeGuard<Body, Item>(paginator: Paginator<Body, Item>, label: string): Paginator<Body, Item> {
  const wrong = (what: string, cause: unknown) =>
    new PaginationError(`${label} answered with a page of the wrong shape (${what})`, { cause });
  return {
    items(body) {
      if (body === null || typeof body !== "object")
        throw wrong(body === undefined ? "empty body" : "not an object", undefined);
      let items: Item[];
      try {
        items = paginator.items(body);
      } catch (e) {
        throw e instanceof PaginationError ? e : wrong("items missing", e);
      }
      if (!Array.isArray(items)) throw wrong("items are not a list", undefined);
      return items;
    },
    next(body, query, state) {
      try {
        return paginator.next(body, query, state);
      } catch (e) {
        throw e instanceof PaginationError ? e : wrong("paging fields missing", e);
      }
    },
  };
}

const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));

/** Offset pagination with a total (Duvo): the next offset is offset + items received, until total. */
export function offsetPagination<Body extends { total: number }, K extends keyof Body>(
  itemsKey: K,
): Paginator<Body, Body[K] extends readonly (infer I)[] ? I : never> {
  type Item = Body[K] extends readonly (infer I)[] ? I : never;
  return {
    items: (body) => body[itemsKey] as Item[],
    next(body, query) {
      if (typeof body.total !== "number") throw new TypeError("total is not a number");
      const got = (body[itemsKey] as unknown[]).length;
      const offset = num(query.offset);
      if (offset + got >= body.total) return undefined;
      if (got === 0)
        throw new PaginationError(
          `Empty page at offset ${offset} although total is ${body.total}: stopping instead of looping`,
        );
      return { ...query, offset: offset + got };
    },
  };
}

/** Skip pagination with totalPages (Avido): the next skip is skip + limit, while pages remain. */
export function skipPagination<Item>(): Paginator<
  { data: Item[]; pagination: { skip: number; limit: number; total: number; totalPages: number } },
  Item
> {
  return {
    items: (body) => body.data,
    next(body, query) {
      const { skip, limit, total, totalPages } = body.pagination;
      if (![skip, limit, total, totalPages].every((n) => typeof n === "number")) {
        throw new TypeError("pagination.skip, limit, total and totalPages must be numbers");
      }
      const page = Math.floor(skip / Math.max(1, limit));
      if (page + 1 >= totalPages || skip + body.data.length >= total) return undefined;
      if (body.data.length === 0) {
        throw new PaginationError(
          `Empty page at skip ${skip} although totalPages is ${totalPages}: stopping instead of looping`,
        );
      }
      return { ...query, skip: skip + limit };
    },
  };
}

/** Opaque-cursor pagination (Duckie): follow next_cursor while has_more; a repeated cursor is an error. */
export function cursorPagination<Item>(
  options: { maxEmptyPages?: number } = {},
): Paginator<{ data: Item[]; pagination: { next_cursor: string | null; has_more: boolean } }, Item> {
  const maxEmpty = options.maxEmptyPages ?? 3;
  return {
    items: (body) => body.data,
    next(body, query, state) {
      const { has_more, next_cursor } = body.pagination;
      if (typeof has_more !== "boolean") throw new TypeError("pagination.has_more is not a boolean");
      if (!has_more) return undefined;
      if (!next_cursor)
        throw new PaginationError("has_more is true but next_cursor is empty: stopping instead of looping");
      if (state.cursors.has(next_cursor) || next_cursor === query.cursor) {
        throw new PaginationError(
          `The API returned cursor "${next_cursor.slice(0, 40)}" twice: stopping instead of looping`,
        );
      }
      state.cursors.add(next_cursor);
      state.emptyPages = body.data.length ? 0 : state.emptyPages + 1;
      if (state.emptyPages > maxEmpty) {
        throw new PaginationError(
          `${state.emptyPages} empty pages in a row that claim more: stopping instead of looping`,
        );
      }
      return { ...query, cursor: next_cursor };
    },
  };
}
