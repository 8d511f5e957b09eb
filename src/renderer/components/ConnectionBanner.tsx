import { useTranslation } from 'react-i18next';
import type { HubStatus } from '../app/useHubEvents';

/** Shown at once when the live link to the hub drops; hidden when data flows again. */
export function ConnectionBanner({ status, size = 'normal' }: { status: HubStatus; size?: 'normal' | 'huge' }) {
  const { t } = useTranslation();
  if (status !== 'lost') return null;
  return (
    <div className={`conn-banner conn-banner--${size}`} role="alert">
      <span className="conn-banner__icon" aria-hidden="true">
        !
      </span>
      <span>
        <strong>{t('connection.lost')}</strong> <span className="conn-banner__sub">{t('connection.retrying')}</span>
      </span>
    </div>
  );
}
