/**
 * Group commit: callers that arrive while a commit is in flight wait together and are written by
 * the next commit, as one group — so N concurrent appenders cost one transaction, one turn at the
 * chain lock, one anchor, instead of N transactions queueing for that lock one after another.
 *
 * The guarantees callers rely on:
 * - a caller's promise settles only after the commit of its own group has finished: it resolves
 *   with that caller's own result (the commit returns one result per item, in the items' order)
 *   or rejects with the commit's error — a group fails as a whole, never partly;
 * - items are committed in the order they were submitted (groups are cut from the front of the
 *   queue, and a group starts only after the one before it has settled);
 * - a group holds at most `maxWeight` (e.g. audit rows, to keep one INSERT within PostgreSQL's
 *   65,535 bind parameters); an item heavier than that goes alone, as it would without grouping.
 *
 * A lone caller is not delayed beyond one turn of the event loop (`setImmediate`), which lets
 * the requests that arrived in the same poll of the sockets join the first group.
 */
export interface GroupCommitOptions<T, R> {
  /** Writes one group; resolves with one result per item, in order. A rejection fails every item of the group. */
  readonly commit: (items: readonly T[]) => Promise<readonly R[]>;
  /** How much of a group an item takes (default 1). */
  readonly weight?: (item: T) => number;
  /** The most weight one group may hold (default: no limit). */
  readonly maxWeight?: number;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly weight: number;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommitter<T, R> {
  readonly #commit: GroupCommitOptions<T, R>['commit'];
  readonly #weight: (item: T) => number;
  readonly #maxWeight: number;
  #queue: Waiting<T, R>[] = [];
  #running = false;
  /** How many groups were committed (or failed): for tests and the benchmark. */
  groups = 0;

  constructor(options: GroupCommitOptions<T, R>) {
    this.#commit = options.commit;
    this.#weight = options.weight ?? (() => 1);
    this.#maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  }

  /** Queues an item; settles after the commit of the group it was written in. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, weight: this.#weight(item), resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  /** Cuts the next group from the front of the queue: at least one item, at most maxWeight. */
  #nextGroup(): Waiting<T, R>[] {
    let weight = 0;
    let n = 0;
    while (n < this.#queue.length && (n === 0 || weight + this.#queue[n]!.weight <= this.#maxWeight)) weight += this.#queue[n++]!.weight;
    return this.#queue.splice(0, n);
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#nextGroup();
      this.groups += 1;
      let results: readonly R[];
      try {
        results = await this.#commit(group.map((w) => w.item));
        if (results.length !== group.length) throw new Error(`group commit returned ${results.length} results for ${group.length} items`);
      } catch (error) {
        for (const w of group) w.reject(error);
        continue;
      }
      group.forEach((w, i) => w.resolve(results[i]!));
    }
    this.#running = false;
  }
}
