/**
 * Calls `fn` on every item with at most `workers` calls in flight; worker `w` handles the items
 * it takes, so per-worker resources (a database connection) are never shared between calls.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  workers: number,
  fn: (item: T, index: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (w: number) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i, w);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, (_, w) => worker(w)));
}
