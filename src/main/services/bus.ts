import { EventEmitter } from 'node:events';
import type { HubEventName, HubEvents } from '../../shared/api';

/** In-process fan-out of hub events to SSE clients (and anything else listening). */
export class HubBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    // Every connected display is one listener; a lobby can have many screens.
    this.emitter.setMaxListeners(0);
  }
  emit<N extends HubEventName>(name: N, data: HubEvents[N]): void {
    this.emitter.emit('event', name, data);
  }
  subscribe(listener: <N extends HubEventName>(name: N, data: HubEvents[N]) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  get listenerCount(): number {
    return this.emitter.listenerCount('event');
  }
}
