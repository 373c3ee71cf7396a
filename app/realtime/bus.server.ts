import { EventEmitter } from "node:events";

/**
 * What happened in the domain that live views care about, inside one process. Cross-process
 * fan-out is the socket layer's job (Redis adapter); this bus only decouples the attempt engine
 * from boards and live views.
 */
export interface DomainEventMap {
  attemptStarted: [{ attemptId: string; roundId: string; userId: string; at: Date }];
  attemptClosed: [{ attemptId: string; roundId: string; userId: string; at: Date }];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
