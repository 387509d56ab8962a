// Merges lists that are each sorted newest first into one list sorted newest first, holding one item per list.

export interface Source<T> {
  /** What a failure is reported as (a provider's id). */
  label: string;
  items: AsyncIterable<T>;
}

/** Called when a source fails; the merge goes on with the others. */
export type OnFailure = (label: string, error: unknown) => void;

/**
 * Yields the items of every source, newest first by `time(item)` (ties by the sources' order). It waits for the head
 * of each live source before yielding, so memory stays one page per source. A source that throws is dropped and
 * reported through `onFailure`; when `onFailure` is absent the error ends the merge.
 */
export async function* mergeNewestFirst<T>(
  sources: readonly Source<T>[],
  time: (item: T) => number,
  onFailure?: OnFailure,
): AsyncGenerator<T, void, undefined> {
  const live = sources.map((s) => ({ label: s.label, it: s.items[Symbol.asyncIterator]() }));
  const heads: ({ value: T; at: number } | undefined)[] = new Array(live.length);
  const pull = async (i: number): Promise<void> => {
    const s = live[i]!;
    try {
      const next = await s.it.next();
      heads[i] = next.done ? undefined : { value: next.value, at: time(next.value) };
    } catch (e) {
      heads[i] = undefined;
      if (!onFailure) throw e;
      onFailure(s.label, e);
    }
  };
  try {
    await Promise.all(live.map((_, i) => pull(i)));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h && (best < 0 || h.at > heads[best]!.at)) best = i;
      }
      if (best < 0) return;
      const { value } = heads[best]!;
      yield value;
      await pull(best);
    }
  } finally {
    // Stopped early (a --limit, Ctrl-C, a failure): let each source release its request.
    await Promise.allSettled(live.map((s) => s.it.return?.()));
  }
}
