import {
  CallQueue,
  canApply,
  forecastCall,
  forecastWaitMinutes,
  formatTicketNumber,
  MAX_TICKET_SEQ,
  nextCall,
  type ForecastCounter,
  type PriorityReason,
  type TicketAction,
} from '../../shared/domain';
import { AppError, type CounterState, type IssuedTicket } from '../../shared/api';
import type { Store } from '../db/store';
import type { CounterRecord } from '../db/repos/counters';
import type { TicketRecord } from '../db/repos/tickets';
import type { Clock } from './clock';
import type { HubBus } from './bus';
import { displayState, waitingCounts } from './board';
import { recordTicketClosed, recordTicketIssued } from '../sync/hooks';

/** The clerk acting, and the counter their session sits at. */
export interface Actor {
  clerkId: number;
  sessionId: string;
  counterId: number | null;
}

const RECENT_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * The ticket queue. Every change is one IMMEDIATE SQLite transaction in the
 * hub's single connection, so two requests can never interleave inside one;
 * each UPDATE is also conditional on the status it expects, so even a bug that
 * raced could not call one ticket twice. After each change the public board is
 * published to the event bus.
 */
export function createQueueService(store: Store, clock: Clock, bus: HubBus) {
  // The board is rebuilt once per burst of changes, after the request that caused it has answered:
  // a rush of kiosk tickets costs one rebuild, and the clerk's reply is not held up by the lobby.
  let boardPending = false;
  const publish = () => {
    if (boardPending) return;
    boardPending = true;
    setImmediate(() => {
      boardPending = false;
      if (store.db.open) bus.emit('board', displayState(store, clock));
    });
  };

  function requireService(serviceId: number) {
    const service = store.services.get(serviceId);
    if (!service) throw new AppError(404, 'UNKNOWN_SERVICE', `There is no service with id ${serviceId}.`);
    if (!service.active) throw new AppError(409, 'SERVICE_INACTIVE', `The service "${service.nameVi}" is not taking tickets now.`);
    return service;
  }

  function requireCounter(counterId: number): CounterRecord {
    const counter = store.counters.get(counterId);
    if (!counter || !counter.active) throw new AppError(404, 'UNKNOWN_COUNTER', `There is no active counter with id ${counterId}.`);
    return counter;
  }

  /** The counter this clerk has opened, which must be `counterId` when given. */
  function requireMyCounter(actor: Actor, counterId?: number): CounterRecord {
    if (actor.counterId === null || (counterId !== undefined && actor.counterId !== counterId)) {
      throw new AppError(409, 'COUNTER_NOT_OPEN', 'Open this counter first (choose it after logging in).');
    }
    const counter = requireCounter(actor.counterId);
    if (counter.clerkId !== actor.clerkId) throw new AppError(409, 'COUNTER_NOT_OPEN', 'Another clerk has taken over this counter. Choose a counter again.');
    return counter;
  }

  function requireMyTicket(actor: Actor, ticketId: number, action: TicketAction): { ticket: TicketRecord; counter: CounterRecord } {
    const counter = requireMyCounter(actor);
    const ticket = store.tickets.get(ticketId);
    if (!ticket || ticket.officeDay !== clock.officeDay()) throw new AppError(404, 'UNKNOWN_TICKET', `There is no ticket with id ${ticketId} today.`);
    if (ticket.counterId !== counter.id && action !== 'requeue') {
      throw new AppError(409, 'NOT_YOUR_TICKET', `Ticket ${ticket.number} is not at your counter.`);
    }
    if (!canApply(action, ticket.status)) {
      throw new AppError(409, 'INVALID_TICKET_STATE', `Ticket ${ticket.number} is ${ticket.status}; it cannot be ${actionWords[action]} now.`, {
        status: ticket.status,
      });
    }
    return { ticket, counter };
  }

  function counterState(counterId: number): CounterState {
    const counter = requireCounter(counterId);
    const day = clock.officeDay();
    const { normalsSincePriority: _n, ...publicCounter } = counter;
    return {
      counter: publicCounter,
      current: store.tickets.atCounter(counter.id, day) ?? null,
      waiting: waitingCounts(store, clock, counter.serviceIds),
      servedToday: store.tickets.servedToday(counter.id, day),
      settings: store.settings.queue(),
    };
  }

  function issue(input: { serviceId: number; priority: PriorityReason | null; source: 'kiosk' | 'counter' }): IssuedTicket {
    const ticketId = store.write(() => {
      const service = requireService(input.serviceId);
      const day = clock.officeDay();
      const now = clock.now();
      const seq = store.tickets.nextSeq(day, service.id);
      if (seq > MAX_TICKET_SEQ) throw new AppError(409, 'DAILY_LIMIT', `Service "${service.nameVi}" has issued its maximum of ${MAX_TICKET_SEQ} tickets today.`);
      const id = store.tickets.insert({
        officeDay: day,
        number: formatTicketNumber(service.prefix, seq),
        seq,
        serviceId: service.id,
        priority: input.priority,
        source: input.source,
        now,
      });
      store.tickets.event({ ticketId: id, at: now, kind: 'issue', toServiceId: service.id });
      recordTicketIssued(store.db, id);
      return id;
    });
    publish();
    return describe(store.tickets.get(ticketId)!);
  }

  /** The counters calling now (a clerk at it, not paused), in the order the forecast lets them take turns. */
  function openCounters(day: string): ForecastCounter[] {
    const busy = new Set(store.tickets.currentAtCounters(day).map((t) => t.counterId));
    return store.counters
      .list()
      .filter((c) => c.active && !c.paused && c.clerkId !== null)
      .map((c) => ({ id: c.id, serviceIds: c.serviceIds, normalsSincePriority: c.normalsSincePriority, busy: busy.has(c.id) }));
  }

  /** A ticket with its people ahead and estimated wait, as of now, from the call rule itself. */
  function describe(ticket: TicketRecord): IssuedTicket {
    if (ticket.status !== 'waiting') return { ticket, ahead: 0, estimatedWaitMinutes: 0 };
    const waiting = store.tickets.waitingToday(ticket.officeDay);
    // A waiting ticket of a closed service (or of another day) is not in the queue any counter calls from.
    const forecast = waiting.some((w) => w.id === ticket.id)
      ? forecastCall(ticket.id, waiting, openCounters(ticket.officeDay), store.settings.queue().priorityInterleave)
      : ({ kind: 'no_counter' } as const);
    if (forecast.kind === 'no_counter') return { ticket, ahead: null, estimatedWaitMinutes: null };
    const minutes = forecastWaitMinutes(forecast, store.tickets.recentDurations(ticket.serviceId, clock.now() - RECENT_WINDOW_MS), store.settings.queue().defaultServiceMinutes);
    return { ticket, ahead: forecast.ahead, estimatedWaitMinutes: minutes };
  }

  function ticketInfo(ticketId: number): IssuedTicket {
    const ticket = store.tickets.get(ticketId);
    if (!ticket) throw new AppError(404, 'UNKNOWN_TICKET', `There is no ticket with id ${ticketId}.`);
    return describe(ticket);
  }

  function openCounter(actor: Actor, counterId: number): CounterState {
    store.write(() => {
      const counter = requireCounter(counterId);
      const now = clock.now();
      if (counter.clerkId !== null && counter.clerkId !== actor.clerkId && store.access.counterHasLiveSession(counter.id, now)) {
        throw new AppError(409, 'COUNTER_TAKEN', `Counter ${counter.number} is in use by ${counter.clerkName ?? 'another clerk'}.`);
      }
      // A clerk sits at one counter at a time.
      store.counters.releaseClerk(actor.clerkId);
      store.counters.setClerk(counter.id, actor.clerkId);
      store.access.setSessionCounter(actor.sessionId, counter.id);
    });
    publish();
    return counterState(counterId);
  }

  function callNext(actor: Actor, counterId: number): CounterState {
    const called = store.write(() => {
      const counter = requireMyCounter(actor, counterId);
      if (counter.paused) throw new AppError(409, 'COUNTER_PAUSED', `Counter ${counter.number} is paused. Resume it to call numbers.`);
      const day = clock.officeDay();
      const now = clock.now();
      const current = store.tickets.atCounter(counter.id, day);
      if (current?.status === 'called') {
        throw new AppError(409, 'COUNTER_BUSY', `Ticket ${current.number} is still called at this counter: start serving it or mark it as not present first.`);
      }
      // Calling the next citizen while one is being served finishes that one: the clerk's usual flow.
      if (current?.status === 'serving') {
        store.tickets.finish(current.id, now);
        store.tickets.event({ ticketId: current.id, at: now, kind: 'finish', counterId: counter.id, clerkId: actor.clerkId });
        recordTicketClosed(store.db, current.id);
      }
      // The same rule the citizen's forecast simulates (describe above): they cannot disagree.
      const pick = nextCall(new CallQueue(store.tickets.waitingToday(day)), counter, store.settings.queue().priorityInterleave);
      if (!pick) throw new AppError(409, 'NOTHING_WAITING', `Nobody is waiting for the services of counter ${counter.number}.`);
      if (!store.tickets.call(pick.ticket.id, counter.id, actor.clerkId, now)) throw new AppError(409, 'INVALID_TICKET_STATE', 'That ticket was just called elsewhere; call again.');
      store.counters.setInterleave(counter.id, pick.state.normalsSincePriority);
      store.tickets.event({ ticketId: pick.ticket.id, at: now, kind: 'call', counterId: counter.id, clerkId: actor.clerkId });
      return { ticket: store.tickets.get(pick.ticket.id)!, counter };
    });
    announce(called.ticket, called.counter, false);
    publish();
    return counterState(counterId);
  }

  function announce(ticket: TicketRecord, counter: CounterRecord, recall: boolean) {
    bus.emit('call', {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      counterId: counter.id,
      counterNumber: counter.number,
      counterName: counter.name,
      serviceNameVi: ticket.serviceNameVi,
      serviceNameEn: ticket.serviceNameEn,
      recall,
      at: clock.now(),
    });
  }

  function recall(actor: Actor, ticketId: number): CounterState {
    const r = store.write(() => {
      const { ticket, counter } = requireMyTicket(actor, ticketId, 'recall');
      const limit = store.settings.queue().recallLimit;
      if (ticket.recallCount >= limit) {
        throw new AppError(409, 'RECALL_LIMIT', `Ticket ${ticket.number} has been called again ${ticket.recallCount} times (the limit is ${limit}). Mark it as not present.`);
      }
      const now = clock.now();
      store.tickets.recall(ticket.id, now);
      store.tickets.event({ ticketId: ticket.id, at: now, kind: 'recall', counterId: counter.id, clerkId: actor.clerkId });
      return { ticket, counter };
    });
    announce(r.ticket, r.counter, true);
    publish();
    return counterState(r.counter.id);
  }

  /** Start, finish or no-show: a status move of the ticket at the clerk's counter. */
  function move(actor: Actor, ticketId: number, action: 'start' | 'finish' | 'no_show'): CounterState {
    const counterId = store.write(() => {
      const { ticket, counter } = requireMyTicket(actor, ticketId, action);
      const now = clock.now();
      const ok = action === 'start' ? store.tickets.start(ticket.id, now) : action === 'finish' ? store.tickets.finish(ticket.id, now) : store.tickets.noShow(ticket.id, now);
      if (!ok) throw new AppError(409, 'INVALID_TICKET_STATE', `Ticket ${ticket.number} changed meanwhile; try again.`);
      store.tickets.event({ ticketId: ticket.id, at: now, kind: action, counterId: counter.id, clerkId: actor.clerkId });
      recordTicketClosed(store.db, ticket.id);
      return counter.id;
    });
    publish();
    return counterState(counterId);
  }

  function transfer(actor: Actor, ticketId: number, serviceId: number): CounterState {
    const counterId = store.write(() => {
      const { ticket, counter } = requireMyTicket(actor, ticketId, 'transfer');
      const target = requireService(serviceId);
      if (target.id === ticket.serviceId) throw new AppError(409, 'SAME_SERVICE', `Ticket ${ticket.number} is already in "${target.nameVi}".`);
      const now = clock.now();
      // Keeps number and queued_at: the citizen keeps their place in the new service's line.
      store.tickets.transfer(ticket.id, target.id);
      store.tickets.event({ ticketId: ticket.id, at: now, kind: 'transfer', counterId: counter.id, clerkId: actor.clerkId, fromServiceId: ticket.serviceId, toServiceId: target.id });
      return counter.id;
    });
    publish();
    return counterState(counterId);
  }

  function requeue(actor: Actor, ticketId: number): void {
    store.write(() => {
      const { ticket, counter } = requireMyTicket(actor, ticketId, 'requeue');
      const limit = store.settings.queue().requeueLimit;
      if (ticket.requeueCount >= limit) throw new AppError(409, 'REQUEUE_LIMIT', `Ticket ${ticket.number} was already put back ${ticket.requeueCount} time(s) (the limit is ${limit}). Issue a new ticket.`);
      store.tickets.requeue(ticket.id);
      store.tickets.event({ ticketId: ticket.id, at: clock.now(), kind: 'requeue', counterId: counter.id, clerkId: actor.clerkId });
    });
    publish();
  }

  function pause(actor: Actor, counterId: number, paused: boolean): CounterState {
    store.write(() => {
      requireMyCounter(actor, counterId);
      store.counters.setPaused(counterId, paused);
    });
    publish();
    return counterState(counterId);
  }

  /** Leaving (logout): the counter is free again. A called or served ticket stays, for the next clerk. */
  function leave(clerkId: number): void {
    store.write(() => store.counters.releaseClerk(clerkId));
    publish();
  }

  return {
    issue,
    ticketInfo,
    counterState: (actor: Actor, counterId: number) => {
      requireMyCounter(actor, counterId);
      return counterState(counterId);
    },
    openCounter,
    callNext,
    recall,
    start: (actor: Actor, id: number) => move(actor, id, 'start'),
    finish: (actor: Actor, id: number) => move(actor, id, 'finish'),
    noShow: (actor: Actor, id: number) => move(actor, id, 'no_show'),
    transfer,
    requeue,
    pause,
    leave,
    board: () => displayState(store, clock),
    publish,
  };
}
export type QueueService = ReturnType<typeof createQueueService>;

const actionWords: Record<TicketAction, string> = {
  call: 'called',
  recall: 'called again',
  no_show: 'marked as not present',
  start: 'started',
  finish: 'finished',
  transfer: 'transferred',
  requeue: 'put back in the queue',
};
