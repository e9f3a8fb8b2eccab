/**
 * Lists read ahead for a batch read, per owner id, within one request: a read that fetched a
 * page together with its children (one statement, see the search module's run pages) puts them
 * here, and the batch read that would fetch them again (a dataloader's `load`) takes them instead.
 *
 * @remarks Per request (built with the services), so nothing outlives the request that read it.
 * `take` answers only when every id asked for was put (else the caller reads as usual); like a
 * dataloader's cache, what was read stays for the rest of the request.
 */
export class ListPreload<T> {
  private readonly lists = new Map<string, T[]>();

  /** Records the whole list of `id` (an empty list included). */
  put(id: string, list: T[]): void {
    this.lists.set(id, list);
  }

  /** The lists of `ids` in their order when all were put, else null. */
  take(ids: readonly string[]): T[][] | null {
    if (this.lists.size === 0 || !ids.every((id) => this.lists.has(id))) return null;
    return ids.map((id) => this.lists.get(id)!);
  }
}
