// One chunk ahead: while a threaded comparer works on chunk k + 1, the caller consumes chunk k and prepares
// chunk k + 2, so that the calling thread's own work (blocking, counting, writing) overlaps the comparing.
import type { PendingComparison } from "./pair-comparer.js";

/**
 * Yields each item with its result, in order, having started the next item's work before handing over the
 * current one. At most two items are in flight.
 */
export function* compareAhead<Item, Result>(
  items: Iterable<Item>,
  begin: (item: Item) => PendingComparison<Result>,
): Generator<{ readonly item: Item; readonly result: Result }> {
  let previous: { readonly item: Item; readonly pending: PendingComparison<Result> } | undefined;
  for (const item of items) {
    const pending = begin(item);
    if (previous !== undefined) yield { item: previous.item, result: previous.pending.result() };
    previous = { item, pending };
  }
  if (previous !== undefined) yield { item: previous.item, result: previous.pending.result() };
}
