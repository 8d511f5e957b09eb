import { dayNumberOfDate, dayStartMs, MINUTE_MS } from '../../../shared/domain';
import type { Alert, AlertsState } from '../../../shared/api';
import type { SupervisorRepo } from '../../db/repos/supervisor';
import type { DossierService } from '../dossiers';
import type { Clock } from '../clock';

/**
 * The thresholds crossed now: too many citizens waiting in a service, the
 * longest wait in a service over N minutes, open dossiers falling due today.
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
  if (settings.alertDueToday) {
    const start = dayStartMs(dayNumberOfDate(day));
    const end = dayStartMs(dayNumberOfDate(day) + 1);
    const codes: string[] = [];
    for (const row of repo.open(end)) {
      const due = dossiers.summaryOf(row).dueAt;
      // Due later today (not yet late: those are on the overdue list).
      if (due !== null && due >= Math.max(start, now) && due < end) codes.push(row.code);
    }
    if (codes.length > 0) alerts.push({ kind: 'due_today', count: codes.length, codes: codes.slice(0, 20) });
  }
  return { at: now, alerts };
}
