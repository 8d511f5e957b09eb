import { randomUUID } from 'node:crypto';
import { MINUTE_MS } from '../../../shared/domain';
import { AppError, type RatingBody, type RatingPrompt, type RatingRecord } from '../../../shared/api';
import type { Store } from '../../db/store';
import type { SupervisorRepo } from '../../db/repos/supervisor';
import type { Clock } from '../clock';
import { recordRating } from '../../sync/hooks';

/** How long after a ticket is finished or a result handed back its citizen may still rate it. */
export const PROMPT_WINDOW_MS = 5 * MINUTE_MS;

interface Subject {
  key: string;
  kind: 'ticket' | 'dossier';
  ticketId: number | null;
  ticketNumber: string | null;
  dossierCode: string | null;
  clerkId: number | null;
  at: number;
}

/**
 * The citizen's rating. What may be rated at a counter is derived from what
 * happened there, never taken from the tablet: the ticket finished most
 * recently at the counter, or the result its clerk handed back most recently,
 * within PROMPT_WINDOW_MS and not rated yet. The tablet sends back the key it
 * was shown; the hub checks it is still the open one, so a tablet cannot rate
 * another counter's citizen, an old ticket, or twice.
 */
export function createRatings(store: Store, repo: SupervisorRepo, clock: Clock) {
  function subjectAt(counterId: number): Subject | null {
    const counter = store.counters.get(counterId);
    if (!counter || !counter.active) throw new AppError(404, 'UNKNOWN_COUNTER', `There is no active counter with id ${counterId}.`);
    const since = clock.now() - PROMPT_WINDOW_MS;
    const candidates: Subject[] = [];
    const t = repo.lastFinishedAt(counterId, since);
    if (t && !repo.isTicketRated(t.id)) {
      // The visit's rating names the dossier registered in it, if any.
      candidates.push({ key: `t:${t.id}`, kind: 'ticket', ticketId: t.id, ticketNumber: t.number, dossierCode: repo.dossierOfTicket(t.id), clerkId: t.clerk_id, at: t.finished_at });
    }
    if (counter.clerkId !== null) {
      const h = repo.lastHandBackBy(counter.clerkId, since);
      if (h && !repo.isHandBackRated(h.code)) {
        // The citizen collecting the result holds the ticket being served at this counter, if any.
        const serving = store.tickets.atCounter(counterId, clock.officeDay());
        const ticketId = serving && !repo.isTicketRated(serving.id) ? serving.id : null;
        candidates.push({ key: `d:${h.code}`, kind: 'dossier', ticketId, ticketNumber: ticketId ? serving!.number : null, dossierCode: h.code, clerkId: counter.clerkId, at: h.at });
      }
    }
    return candidates.sort((a, b) => b.at - a.at)[0] ?? null;
  }

  function prompt(counterId: number): RatingPrompt {
    const s = subjectAt(counterId);
    const settings = repo.settings();
    const counter = store.counters.get(counterId)!;
    return {
      prompt: s ? { key: s.key, kind: s.kind, ticketNumber: s.ticketNumber, counterNumber: counter.number, at: s.at } : null,
      counterNumber: counter.number,
      criteria: settings.ratingCriteria,
      idleSeconds: settings.ratingIdleSeconds,
    };
  }

  function submit(body: RatingBody): RatingRecord {
    const settings = repo.settings();
    const criteria = body.criteria ?? null;
    if (criteria !== null && !settings.ratingCriteria) {
      throw new AppError(400, 'VALIDATION_FAILED', 'This office does not ask the legal criteria; send the level only.', [{ path: 'criteria', message: 'not asked by this office', rule: 'custom' }]);
    }
    return store.write(() => {
      const s = subjectAt(body.counterId);
      if (!s || s.key !== body.key) {
        const done = body.key.startsWith('t:') ? repo.isTicketRated(Number(body.key.slice(2)) || 0) : body.key.startsWith('d:') && repo.isHandBackRated(body.key.slice(2));
        if (done) throw new AppError(409, 'ALREADY_RATED', 'This service has already been rated. Thank you.');
        throw new AppError(409, 'RATING_NOT_OPEN', 'There is nothing to rate at this counter now (the time to rate has passed, or another citizen was served since).');
      }
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
