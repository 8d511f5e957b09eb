import { randomUUID } from 'node:crypto';
import { DOSSIER_STATUS, MINUTE_MS } from '../../../shared/domain';
import { AppError, type RatingBody, type RatingPrompt, type RatingRecord } from '../../../shared/api';
import type { Store } from '../../db/store';
import type { SupervisorRepo } from '../../db/repos/supervisor';
import type { Clock } from '../clock';
import { recordRating } from '../../sync/hooks';

/** How long after a ticket is finished or a result handed back the tablet offers it for rating. */
export const RATING_OFFER_MS = 2 * MINUTE_MS;
/** A rating of the offered service is still taken this long after it ended (time to answer the legal criteria). */
export const RATING_ANSWER_MS = 5 * MINUTE_MS;

interface Subject {
  key: string;
  kind: 'ticket' | 'dossier';
  ticketId: number | null;
  ticketNumber: string | null;
  dossierCode: string | null;
  clerkId: number | null;
  at: number;
  rated: boolean;
}

/**
 * The citizen's rating. What may be rated at a counter is derived from what
 * happened there, never taken from the tablet: the service that ended there
 * last, the ticket finished most recently at the counter or the result its
 * clerk handed back most recently, whichever is newer. Only that one: when the
 * next citizen's service ends it replaces the older one, rated or not, so the
 * tablet never asks about a citizen who has left. It is offered for
 * RATING_OFFER_MS and taken for RATING_ANSWER_MS after it ended. The tablet sends
 * back the key it was shown; the hub checks it is still the open one, so a
 * tablet cannot rate another counter's citizen, an old ticket, or twice, and a
 * key that was open once is refused as expired (RATING_EXPIRED, with the reason)
 * so the tablet can tell the citizen instead of dropping the tap.
 */
export function createRatings(store: Store, repo: SupervisorRepo, clock: Clock) {
  function counterOf(counterId: number) {
    const counter = store.counters.get(counterId);
    if (!counter || !counter.active) throw new AppError(404, 'UNKNOWN_COUNTER', `There is no active counter with id ${counterId}.`);
    return counter;
  }

  /** The newest service that ended at the counter within the answer window, rated or not. */
  function latestAt(counterId: number): Subject | null {
    const counter = counterOf(counterId);
    const since = clock.now() - RATING_ANSWER_MS;
    const candidates: Subject[] = [];
    const t = repo.lastFinishedAt(counterId, since);
    if (t) {
      // The visit's rating names the dossier registered in it, if any.
      candidates.push({ key: `t:${t.id}`, kind: 'ticket', ticketId: t.id, ticketNumber: t.number, dossierCode: repo.dossierOfTicket(t.id), clerkId: t.clerk_id, at: t.finished_at, rated: repo.isTicketRated(t.id) });
    }
    if (counter.clerkId !== null) {
      const h = repo.lastHandBackBy(counter.clerkId, since);
      if (h) {
        // The citizen collecting the result holds the ticket being served at this counter, if any.
        const serving = store.tickets.atCounter(counterId, clock.officeDay());
        const ticketId = serving && !repo.isTicketRated(serving.id) ? serving.id : null;
        candidates.push({ key: `d:${h.code}`, kind: 'dossier', ticketId, ticketNumber: ticketId ? serving!.number : null, dossierCode: h.code, clerkId: counter.clerkId, at: h.at, rated: repo.isHandBackRated(h.code) });
      }
    }
    return candidates.sort((a, b) => b.at - a.at)[0] ?? null;
  }

  function prompt(counterId: number): RatingPrompt {
    const s = latestAt(counterId);
    const offered = s && !s.rated && clock.now() - s.at <= RATING_OFFER_MS ? s : null;
    const settings = repo.settings();
    const counter = store.counters.get(counterId)!;
    return {
      prompt: offered ? { key: offered.key, kind: offered.kind, ticketNumber: offered.ticketNumber, counterNumber: counter.number, at: offered.at } : null,
      counterNumber: counter.number,
      criteria: settings.ratingCriteria,
      idleSeconds: settings.ratingIdleSeconds,
    };
  }

  /** Why a key that is not the open one is refused: rated, once open here and gone, or never open here. */
  function refusal(counterId: number, key: string, latest: Subject | null): AppError {
    const ticketId = key.startsWith('t:') ? Number(key.slice(2)) : NaN;
    const code = key.startsWith('d:') ? key.slice(2) : null;
    const rated = Number.isSafeInteger(ticketId) ? repo.isTicketRated(ticketId) : code !== null && repo.isHandBackRated(code);
    if (rated) return new AppError(409, 'ALREADY_RATED', 'This service has already been rated. Thank you.');
    const ticket = Number.isSafeInteger(ticketId) && ticketId > 0 ? store.tickets.get(ticketId) : undefined;
    const wasHere = ticket ? ticket.status === 'done' && ticket.counterId === counterId : code !== null && store.dossiers.get(code)?.status === DOSSIER_STATUS.handed_over;
    if (!wasHere) return new AppError(409, 'RATING_NOT_OPEN', 'There is nothing to rate at this counter under that key.');
    if (latest && latest.key !== key) {
      return new AppError(409, 'RATING_EXPIRED', 'This rating has expired: another citizen has been served at this counter since.', { reason: 'replaced' });
    }
    return new AppError(409, 'RATING_EXPIRED', `This rating has expired: ratings are taken up to ${RATING_ANSWER_MS / MINUTE_MS} minutes after the service.`, { reason: 'timed_out' });
  }

  function submit(body: RatingBody): RatingRecord {
    const settings = repo.settings();
    const criteria = body.criteria ?? null;
    if (criteria !== null && !settings.ratingCriteria) {
      throw new AppError(400, 'VALIDATION_FAILED', 'This office does not ask the legal criteria; send the level only.', [{ path: 'criteria', message: 'not asked by this office', rule: 'custom' }]);
    }
    return store.write(() => {
      const s = latestAt(body.counterId);
      if (!s || s.key !== body.key || s.rated) throw refusal(body.counterId, body.key, s);
      const record: RatingRecord = {
        id: randomUUID(),
        ticketId: s.ticketId === null ? null : String(s.ticketId),
        dossierCode: s.dossierCode,
        clerkId: s.clerkId,
        counterId: body.counterId,
        level: body.level,
        criteria,
        createdAt: clock.now(),
      };
      repo.insertRating({
        id: record.id,
        subject: s.kind,
        officeDay: clock.officeDay(),
        ticketId: s.ticketId,
        dossierCode: record.dossierCode,
        clerkId: record.clerkId,
        counterId: record.counterId,
        level: record.level,
        criteria: criteria === null ? null : JSON.stringify(criteria),
        createdAt: record.createdAt,
      });
      // To the district through the outbox, in this same transaction.
      recordRating(store.db, record);
      return record;
    });
  }

  return { prompt, submit };
}
