import { useTranslation } from 'react-i18next';
import { formatClock } from '../app/format';
import { syncHealth, useSyncStatus } from './useSyncStatus';
import './sync.css';

/**
 * A small pill in the counter's top bar: is the office in touch with the
 * district server, how many changes wait to be sent, and whether any was
 * refused. The title gives the last contact time.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const health = syncHealth(status);
  if (!status) return null;
  // The count each label is about, for its plural form: refused changes, or changes waiting to be sent.
  const label = t(`sync.indicator.${health}`, { count: health === 'rejected' ? status.rejectedCount : status.outboxDepth });
  const last = status.lastContactAt ? t('sync.indicator.lastContact', { time: formatClock(status.lastContactAt, undefined, false) }) : t('sync.indicator.never');
  return (
    <span className={`sync-indicator sync-indicator--${health}`} role="status" aria-label={`${t('sync.indicator.name')}: ${label}. ${last}`} title={last}>
      <span className="sync-indicator__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
