import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * pglite-socket 0.2.17 runs the messages of all connections, one at a time, on PGlite's single
 * session, and keeps a connection's messages together only inside a SQL transaction. An
 * extended-protocol query (Parse, Bind, Describe, Execute … Sync) is not a transaction, so two
 * connections' queries could interleave and bind to each other's unnamed statement — errors,
 * or wrong rows (upstream electric-sql/pglite#1046, fix proposed in #977). And one failing
 * message left the queue stuck for good. This replaces the queue's scheduler: once a
 * connection sends an extended-protocol message, only its messages run until its Sync (or a
 * simple Query); a failure is reported to that connection and the queue carries on.
 * tests/integration/embedded-postgres.test.ts proves both.
 */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const EXTENDED_PROTOCOL = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));
const BATCH_END = new Set(["S", "Q"].map((letter) => letter.charCodeAt(0)));

export function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error("pglite-socket changed: review keepExtendedQueriesTogether before upgrading");
  }
  let pinnedHandlerId: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = pinnedHandlerId ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: wait for it (enqueue calls us again).
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          pinnedHandlerId = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        const type = item.message[0];
        if (EXTENDED_PROTOCOL.has(type)) pinnedHandlerId = item.handlerId;
        if (BATCH_END.has(type)) pinnedHandlerId = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (pinnedHandlerId === handlerId) pinnedHandlerId = null;
    clearQueueForHandler(handlerId);
    void queue.processQueue();
  };
}
