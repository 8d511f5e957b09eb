import { useTranslation } from 'react-i18next';
import type { Alert, AlertsState } from '../../shared/api';
import { useSupervisorLive } from './useSupervisorLive';
import { alertsForCounter } from './counterAlerts';
import './supervisor.css';

export function alertText(t: (k: string, o?: Record<string, unknown>) => string, a: Alert, lang: string): string {
  const service = (x: { serviceNameVi: string; serviceNameEn: string }) => (lang === 'en' ? x.serviceNameEn : x.serviceNameVi);
  switch (a.kind) {
    case 'too_many_waiting':
      return t('supervisor.alerts.too_many_waiting', { service: service(a), count: a.waiting, threshold: a.threshold });
    case 'long_wait':
      return t('supervisor.alerts.long_wait', { service: service(a), ticket: a.ticketNumber, minutes: a.minutes, threshold: a.threshold });
    case 'due_today':
      return t('supervisor.alerts.due_today', { count: a.count });
    case 'overdue':
      return t('supervisor.alerts.overdue', { count: a.count });
    case 'printer_paper_low':
      return t('thermal.alertPaperLow', { device: a.deviceName });
  }
}

/** The thresholds crossed now, as a strip under a screen's top bar (counter) or a panel (dashboard). Nothing when all is well, unless `showNone`. */
export function AlertsBanner({ state, showNone = false, variant = 'strip' }: { state: AlertsState | null; showNone?: boolean; variant?: 'strip' | 'panel' }) {
  const { t, i18n } = useTranslation();
  const alerts = state?.alerts ?? [];
  if (alerts.length === 0 && !showNone) return null;
  return (
    <section className={`alerts alerts--${variant}`} aria-label={t('supervisor.alerts.title')} role="status" aria-live="polite">
      {variant === 'panel' && <h2 className="alerts__title">{t('supervisor.alerts.title')}</h2>}
      {alerts.length === 0 ? (
        <p className="alerts__none">{t('supervisor.alerts.none')}</p>
      ) : (
        <ul className="alerts__list">
          {alerts.map((a, i) => (
            <li key={`${a.kind}-${i}`} className={`alerts__item alerts__item--${a.kind}`}>
              <span className="alerts__icon" aria-hidden="true">
                !
              </span>
              {alertText(t, a, i18n.language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The counter screen's alert strip: mounts its own live feed. */
export function CounterAlerts({ token, serviceIds }: { token: string | null; serviceIds: readonly number[] | null }) {
  const { alerts } = useSupervisorLive(token);
  return <AlertsBanner state={alertsForCounter(alerts, serviceIds)} />;
}
