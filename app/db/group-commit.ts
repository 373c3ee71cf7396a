/**
 * Group commit: requests that arrive while a batch is being written wait and are written
 * together in the next one, in one statement instead of one each. When a round opens, thousands
 * of contestants start, answer and submit within seconds; on this hardware every round trip to
 * PostgreSQL costs far more than the rows it carries (issue 8, docs/performance.md). An idle
 * server writes a lone request at once (after the current event-loop turn, so requests that
 * arrived together go together); under load the batches grow by themselves.
 *
 * `run` gets the items in arrival order and returns one result per item, in the same order. If
 * it throws, every item of that batch is rejected with the error (the callers answer
 * SERVER_ERROR and the clients retry); later batches are unaffected.
 */
export interface GroupCommitOptions<Item, Result> {
  run: (items: Item[]) => Promise<Result[]>;
  /** Most items written in one batch. */
  maxBatch: number;
  /** Batches written at the same time (each holds a pooled connection while it runs). */
  concurrency?: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private readonly waiting: Array<Waiting<Item, Result>> = [];
  private running = 0;
  private scheduled = false;
  private readonly concurrency: number;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {
    this.concurrency = options.concurrency ?? 1;
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Requests waiting for a batch (for tests and diagnostics). */
  get backlog(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running++;
      this.write(batch).finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }

  private async write(batch: Array<Waiting<Item, Result>>): Promise<void> {
    try {
      const results = await this.options.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length)
        throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      for (const [index, waiting] of batch.entries()) waiting.resolve(results[index]);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
