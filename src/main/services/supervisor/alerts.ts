import { dayNumberOfDate, dayStartMs, MINUTE_MS } from '../../../shared/domain';
import type { Alert, AlertsState } from '../../../shared/api';
import type { SupervisorRepo } from '../../db/repos/supervisor';
import type { DossierService } from '../dossiers';
import type { Clock } from '../clock';

/**
 * The thresholds crossed now: too many citizens waiting in a service, the
 * longest wait in a service over N minutes, open dossiers overdue now and falling due today.
 * Nothing personal: services, ticket numbers and dossier codes only.
 */
export function computeAlerts(repo: SupervisorRepo, dossiers: DossierService, clock: Clock): AlertsState {
  const settings = repo.settings();
  const now = clock.now();
  const day = clock.officeDay();
  const services = new Map(repo.services().map((s) => [s.id, s]));
  const alerts: Alert[] = [];
  for (const w of repo.waitingByService(day)) {
    const s = services.get(w.service_id);
    const names = { serviceNameVi: s?.name_vi ?? `#${w.service_id}`, serviceNameEn: s?.name_en ?? `#${w.service_id}` };
    if (w.waiting > settings.maxWaitingPerService) {
      alerts.push({ kind: 'too_many_waiting', serviceId: w.service_id, ...names, waiting: w.waiting, threshold: settings.maxWaitingPerService });
    }
    const minutes = Math.floor((now - w.oldest) / MINUTE_MS);
    if (minutes >= settings.maxWaitMinutes) {
      alerts.push({ kind: 'long_wait', serviceId: w.service_id, ...names, ticketNumber: w.number, minutes, threshold: settings.maxWaitMinutes });
    }
  }
  const start = dayStartMs(dayNumberOfDate(day));
  const end = dayStartMs(dayNumberOfDate(day) + 1);
  const dueToday: string[] = [];
  const overdue: string[] = [];
  // The stored due_at is the due at acceptance; pauses and new appointments only move it later, so it bounds the scan.
  for (const row of repo.open(end)) {
    const s = dossiers.summaryOf(row);
    if (s.dueStatus === 'overdue') overdue.push(row.code);
    // Due later today (not yet late: those are the overdue ones).
    else if (s.dueAt !== null && s.dueAt >= Math.max(start, now) && s.dueAt < end) dueToday.push(row.code);
  }
  // Overdue first on the strip (and red): it is already late; the queue and due-today alerts can still be saved.
  if (overdue.length > 0) alerts.unshift({ kind: 'overdue', count: overdue.length, codes: overdue.slice(0, 20) });
  if (settings.alertDueToday && dueToday.length > 0) alerts.push({ kind: 'due_today', count: dueToday.length, codes: dueToday.slice(0, 20) });
  return { at: now, alerts };
}
