import type { AlertsState } from '../../shared/api';

/**
 * What a counter needs to see: the queue alerts of the services it serves (a clerk at the land
 * counter cannot help the civil-status queue), and the office's dossiers overdue now and due today.
 * `serviceIds` null (the counter not known yet): everything.
 */
export function alertsForCounter(state: AlertsState | null, serviceIds: readonly number[] | null): AlertsState | null {
  if (!state || serviceIds === null) return state;
  const served = new Set(serviceIds);
  return { ...state, alerts: state.alerts.filter((a) => a.kind === 'due_today' || a.kind === 'overdue' || a.kind === 'printer_paper_low' || served.has(a.serviceId)) };
}
