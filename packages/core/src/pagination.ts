// One page abstraction for every pagination scheme (offset, skip, page number, a cursor in the body or a header, a
// Link header): await a list call for one page, or `for await` it for every item; loops in a provider's paging end
// in an error.
import { APIPromise, withData, type Answered } from "./api-promise.js";
import type { Answer } from "./transport.js";
import { PaginationError, UnexpectedResponseError } from "./errors.js";

type Query = Record<string, unknown>;

/** Guards carried from page to page of one walk. */
export interface WalkState {
  cursors: Set<string>;
  emptyPages: number;
}

/** How one scheme reads a page and asks for the next. */
export interface Paginator<Body, Item> {
  /** The page's items; the answer is passed for schemes (and guards) that want its status or headers. */
  items(body: Body, response?: Answer): Item[];
  /**
   * The paging parameters of the next page, or undefined after the last; throws PaginationError when the page
   * breaks the scheme.
   */
  next(body: Body, query: Query, state: WalkState, response: Answer): Query | undefined;
  /**
   * Where the paging parameters travel: the query string (default) or the fields of a JSON request body (Qdrant's
   * `POST /points/scroll` sends `offset` in the body).
   */
  readonly in?: "query" | "body";
}

type FetchPage<Body> = (query: Query) => Promise<Answered<Body>>;

export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** The whole response body (totals, cursors, …). */
  readonly body: Body;
  readonly requestId: string | undefined;
  readonly #result: Answered<Body>;
  readonly #query: Query;
  /** The next page's paging parameters, or why there is none to fetch: worked out when the walk is advanced. */
  #next?: { query: Query | undefined } | { error: unknown };
  readonly #fetch: FetchPage<Body>;
  readonly #paginator: Paginator<Body, Item>;
  readonly #state: WalkState;

  constructor(
    result: Answered<Body>,
    query: Query,
    fetch: FetchPage<Body>,
    paginator: Paginator<Body, Item>,
    state: WalkState,
  ) {
    this.body = result.data;
    this.#result = result;
    this.requestId = result.requestId;
    this.data = paginator.items(result.data, result.answer);
    this.#query = query;
    this.#fetch = fetch;
    this.#paginator = paginator;
    this.#state = state;
  }

  /** The HTTP response of this page (made when first read: a walk never needs it). */
  get response(): Response {
    return this.#result.response;
  }

  /**
   * What follows this page, asked of the scheme once, when the walk goes on: a page is returned when it is valid, and
   * one whose successor breaks the scheme (a cursor seen before, paging fields missing) ends the walk there.
   */
  #successor(): { query: Query | undefined } | { error: unknown } {
    if (!this.#next) {
      try {
        // Not this.#result.data: a list call's promise resolves that result with this page as its data.
        this.#next = {
          query: this.#paginator.next(this.body, this.#query, this.#state, this.#result.answer),
        };
      } catch (error) {
        this.#next = { error };
      }
    }
    return this.#next;
  }

  /** Whether the walk goes on: a next page, or the reason it cannot (which `nextPage()` rejects with). */
  hasNextPage(): boolean {
    const next = this.#successor();
    return "error" in next || next.query !== undefined;
  }

  /** The paging parameters the next page will be fetched with (query, or body fields; undefined after the last page). */
  nextPageQuery(): Query | undefined {
    const next = this.#successor();
    return "query" in next ? next.query : undefined;
  }

  async nextPage(): Promise<Page<Item, Body>> {
    const next = this.#successor();
    if ("error" in next) throw next.error;
    if (!next.query) throw new PaginationError("No next page: check hasNextPage() first");
    return new Page(await this.#fetch(next.query), next.query, this.#fetch, this.#paginator, this.#state);
  }

  /** This page and every following one; only the current page is held in memory. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    let page: Page<Item, Body> | undefined = this;
    while (page) {
      yield page;
      page = page.hasNextPage() ? await page.nextPage() : undefined;
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    return itemsFrom<Item, Body>(this);
  }
}

/**
 * Every item from the page `first` resolves to on, page by page: one promise per item and no generator frames (a walk
 * of 100,000 items should cost what a hand loop costs); only the current page is held. Calls to `next` are served in
 * order, so a page is never fetched twice.
 */
function itemsFrom<Item, Body>(
  first: Page<Item, Body> | PromiseLike<Page<Item, Body>>,
): AsyncIterableIterator<Item> {
  let page: Page<Item, Body> | undefined;
  let i = 0;
  let finished = false;
  let turn: Promise<unknown> = Promise.resolve();
  const step = async (): Promise<IteratorResult<Item, undefined>> => {
    if (finished) return { done: true, value: undefined };
    page ??= await first;
    while (i >= page.data.length) {
      if (!page.hasNextPage()) {
        finished = true;
        page = undefined;
        return { done: true, value: undefined };
      }
      page = await page.nextPage();
      i = 0;
    }
    return { done: false, value: page.data[i++]! };
  };
  const iterator: AsyncIterableIterator<Item> = {
    next() {
      // The common case, an item of the page at hand, needs no wait for earlier calls.
      if (page && i < page.data.length && !finished)
        return Promise.resolve({ done: false, value: page.data[i++]! });
      const result = turn.then(step);
      turn = result.catch(() => {});
      return result;
    },
    return() {
      finished = true;
      page = undefined;
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
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
    /** Names the list in errors (a function: read when an error is made). */
    label: string | (() => string) = "list",
  ) {
    const state: WalkState = { cursors: new Set(), emptyPages: 0 };
    const guarded = shapeGuard(paginator, label);
    super(
      new Promise<Query>((resolve) =>
        resolve(typeof firstQuery === "function" ? firstQuery() : firstQuery),
      ).then((query) =>
        fetch(query).then((first) => withData(first, new Page(first, query, fetch, guarded, state))),
      ),
    );
  }

  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* (await this).iterPages();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    return itemsFrom<Item, Body>(this);
  }
}

/**
 * A paginator that reports a page of the wrong shape (empty body, items not an array, missing paging fields) as an
 * UnexpectedResponseError naming the list, instead of a TypeError from deep inside a scheme. A page that breaks the
 * scheme's own rules (a repeated cursor) stays a PaginationError.
 */
function shapeGuard<Body, Item>(
  paginator: Paginator<Body, Item>,
  label: string | (() => string),
): Paginator<Body, Item> {
  const wrong = (what: string, cause: unknown, response: Answer | undefined) =>
    new UnexpectedResponseError(
      `${typeof label === "function" ? label() : label} answered with a page of the wrong shape (${what})`,
      response?.status ?? 0,
      response?.headers.get("content-type") ?? undefined,
      undefined,
      1,
      { cause },
    );
  return {
    ...(paginator.in ? { in: paginator.in } : {}),
    items(body, response) {
      if (body === null || typeof body !== "object")
        throw wrong(body === undefined ? "empty body" : "not an object", undefined, response);
      let items: Item[];
      try {
        items = paginator.items(body, response);
      } catch (e) {
        throw e instanceof PaginationError ? e : wrong("items missing", e, response);
      }
      if (!Array.isArray(items)) throw wrong("items are not a list", undefined, response);
      return items;
    },
    next(body, query, state, response) {
      try {
        return paginator.next(body, query, state, response);
      } catch (e) {
        throw e instanceof PaginationError ? e : wrong("paging fields missing", e, response);
      }
    },
  };
}

const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));

/** The value at a dotted path of a page body (`"data"`, `"pagination.next_cursor"`; `""`: the body itself). */
const at = (body: unknown, path: string): unknown =>
  path === ""
    ? body
    : path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], body);

const itemsAt =
  <Item>(path: string) =>
  (body: unknown) =>
    at(body, path) as Item[];

/**
 * One more page of a walk that may not end: a token seen before (or equal to the one this page was fetched with)
 * or too many empty pages in a row is an error.
 */
function guardProgress(
  token: string,
  previous: string | undefined,
  state: WalkState,
  empty: boolean,
  maxEmpty: number,
) {
  if (state.cursors.has(token) || token === previous) {
    throw new PaginationError(
      `The API returned cursor "${token.slice(0, 40)}" twice: stopping instead of looping`,
    );
  }
  state.cursors.add(token);
  state.emptyPages = empty ? state.emptyPages + 1 : 0;
  if (state.emptyPages > maxEmpty) {
    throw new PaginationError(
      `${state.emptyPages} empty pages in a row that claim more: stopping instead of looping`,
    );
  }
}

/**
 * The item type of the array at a dotted path of a page body: `ItemsAt<{ meta: { rows: Row[] } }, "meta.rows">` is
 * `Row`; `ItemsAt<Row[], "">` is `Row` (a body that is the list itself).
 */
export type ItemsAt<Body, Path extends string> = Path extends ""
  ? NonNullable<Body> extends readonly (infer I)[]
    ? I
    : unknown
  : Path extends `${infer Head}.${infer Rest}`
    ? ItemsAt<NonNullable<Body>[Head & keyof NonNullable<Body>], Rest>
    : NonNullable<NonNullable<Body>[Path & keyof NonNullable<Body>]> extends readonly (infer I)[]
      ? I
      : unknown;

/**
 * Offset pagination (Duvo): the next `offset` is offset + items received, until `total` (a dotted path, default
 * `"total"`) is reached. Items at `itemsKey` (a dotted path when the item type is given).
 */
export function offsetPagination<Body extends object, K extends keyof Body & string>(
  itemsKey: K,
  options?: { total?: string; param?: string },
): Paginator<Body, ItemsAt<Body, K>>;
export function offsetPagination<Item>(
  itemsPath: string,
  options?: { total?: string; param?: string },
): Paginator<any, Item>;
export function offsetPagination(
  itemsKey: string,
  options: { total?: string; param?: string } = {},
): Paginator<any, unknown> {
  const param = options.param ?? "offset";
  const totalAt = options.total ?? "total";
  return {
    items: itemsAt(itemsKey),
    next(body, query) {
      const total = at(body, totalAt);
      if (typeof total !== "number") throw new TypeError(`${totalAt} is not a number`);
      const got = (at(body, itemsKey) as unknown[]).length;
      const offset = num(query[param]);
      if (offset + got >= total) return undefined;
      if (got === 0)
        throw new PaginationError(
          `Empty page at ${param} ${offset} although ${totalAt} is ${total}: stopping instead of looping`,
        );
      return { ...query, [param]: offset + got };
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

export interface CursorOptions {
  /** Dotted path of the items (default `"data"`; `""` when the body is the list). */
  items?: string;
  /** Dotted path of the next page's token (default `"pagination.next_cursor"`). */
  next?: string;
  /** The response header that carries the next page's token instead of the body (E2B's `X-Next-Token`). */
  nextHeader?: string;
  /** Dotted path of the "more pages" flag (default `"pagination.has_more"`; `null`: the token alone decides). */
  hasMore?: string | null;
  /** The query parameter (or body field, with `in: "body"`) the token is sent back in (default `"cursor"`). */
  param?: string;
  /** Where the token is sent back: the query string (default) or the JSON request body. */
  in?: "query" | "body";
  /** Empty pages in a row that still claim more before the walk gives up (default 3). */
  maxEmptyPages?: number;
}

/**
 * A cursor token (Duckie's `pagination.next_cursor` + `has_more`, OpenAI's `last_id` + `has_more` sent back as
 * `after`, E2B's `X-Next-Token` header, Qdrant's `next_page_offset` sent back in the request body): follow the
 * token while there is more; a repeated token is an error, not a loop.
 */
export function cursorPagination<Item>(options: CursorOptions = {}): Paginator<any, Item> {
  const maxEmpty = options.maxEmptyPages ?? 3;
  const header = options.nextHeader;
  const nextAt = header ? `header ${header}` : (options.next ?? "pagination.next_cursor");
  const moreAt = options.hasMore === undefined ? (header ? null : "pagination.has_more") : options.hasMore;
  const param = options.param ?? "cursor";
  return {
    ...(options.in === "body" ? { in: "body" as const } : {}),
    items: itemsAt<Item>(options.items ?? "data"),
    next(body, query, state, response) {
      const token = header ? response.headers.get(header) : at(body, nextAt);
      if (moreAt !== null) {
        const more = at(body, moreAt);
        if (typeof more !== "boolean") throw new TypeError(`${moreAt} is not a boolean`);
        if (!more) return undefined;
        if (token === null || token === undefined || token === "")
          throw new PaginationError(`${moreAt} is true but ${nextAt} is empty: stopping instead of looping`);
      } else if (token === null || token === undefined || token === "") return undefined;
      const items = at(body, options.items ?? "data") as unknown[];
      const previous =
        query[param] === undefined || query[param] === null ? undefined : tokenKey(query[param]);
      guardProgress(tokenKey(token), previous, state, items.length === 0, maxEmpty);
      return { ...query, [param]: token };
    },
  };
}

/** A token's identity for the loop guard: numbers and strings as text, structured ids (Qdrant's) as JSON. */
const tokenKey = (v: unknown): string => (typeof v === "object" ? JSON.stringify(v) : String(v));

/**
 * Page numbers (`page=1, 2, …`): the next page while `totalPages` (a dotted path) says so, or while the field at
 * `more` is set (Django REST's `next` URL), or else until an empty page.
 */
export function pagePagination<Item>(
  options: { items?: string; param?: string; totalPages?: string; more?: string; first?: number } = {},
): Paginator<any, Item> {
  const param = options.param ?? "page";
  const items = itemsAt<Item>(options.items ?? "data");
  return {
    items,
    next(body, query) {
      const page = query[param] === undefined ? (options.first ?? 1) : num(query[param]);
      const got = items(body).length;
      if (options.totalPages !== undefined) {
        const pages = at(body, options.totalPages);
        if (typeof pages !== "number") throw new TypeError(`${options.totalPages} is not a number`);
        if (page >= pages) return undefined;
        if (got === 0)
          throw new PaginationError(
            `Empty page ${page} although ${options.totalPages} is ${pages}: stopping instead of looping`,
          );
      } else if (options.more !== undefined) {
        const more = at(body, options.more);
        if (more === null || more === undefined || more === false || more === "") return undefined;
        if (got === 0)
          throw new PaginationError(
            `Empty page ${page} although ${options.more} is set: stopping instead of looping`,
          );
      } else if (got === 0) return undefined;
      return { ...query, [param]: page + 1 };
    },
  };
}

/** `rel="next"` of a Link header (RFC 8288), as the query of the next page; the next page's URL path must not change. */
export function linkPagination<Item>(
  options: { items?: string; maxEmptyPages?: number } = {},
): Paginator<any, Item> {
  const items = itemsAt<Item>(options.items ?? "data");
  return {
    items,
    next(body, query, state, response) {
      const next = nextLink(response.headers.get("link"));
      if (!next) return undefined;
      const url = new URL(next, response.url || "http://invalid/");
      const nextQuery: Query = {};
      for (const [k, v] of url.searchParams) nextQuery[k] = v;
      if (!Object.keys(nextQuery).length) return undefined;
      guardProgress(url.search, undefined, state, items(body).length === 0, options.maxEmptyPages ?? 3);
      return { ...query, ...nextQuery };
    },
  };
}

/**
 * The target of the `rel="next"` link. Hand-written on purpose: the Link parsers on npm use Node's `url` and
 * `querystring`, which edge runtimes and browsers lack, and the grammar needed here is one regular expression.
 */
function nextLink(header: string | null): string | undefined {
  for (const m of (header ?? "").matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? "")?.[1];
    if (rel?.toLowerCase().split(/\s+/).includes("next")) return m[1];
  }
  return undefined;
}
