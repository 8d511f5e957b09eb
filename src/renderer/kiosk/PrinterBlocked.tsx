import { useTranslation } from 'react-i18next';
import { useCountdown } from '../app/hooks';
import type { KioskPrinterStatus } from '../../shared/api/thermalPrinting';

const RETURN_SECONDS = 30;

/**
 * Shown BEFORE a number is issued when the kiosk's printer cannot print: what is wrong, and what
 * the office chose (/admin): take the number on screen only, or go to the counter for one.
 */
export function PrinterBlocked({ status, onScreenOnly, onBack }: { status: KioskPrinterStatus; onScreenOnly: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const left = useCountdown(RETURN_SECONDS, onBack);
  return (
    <section className="kiosk-error" role="alert" aria-labelledby="kiosk-printer-title" data-printer-state={status.state}>
      <div className="kiosk-error__icon" aria-hidden="true">
        i
      </div>
      <h1 id="kiosk-printer-title">{t('thermal.kioskTitle')}</h1>
      <p className="kiosk-error__msg">{t(`thermal.state.${status.state}`)}</p>
      {status.fallback === 'screen_only' ? (
        <>
          <p className="kiosk-error__hint">{t('thermal.screenOnlyHint')}</p>
          <button type="button" className="btn btn--primary btn--xl" onClick={onScreenOnly}>
            {t('thermal.screenOnly')}
          </button>
          <button type="button" className="btn btn--xl" onClick={onBack}>
            {t('common.back')}
          </button>
        </>
      ) : (
        <>
          <p className="kiosk-error__hint">{t('thermal.goToCounter')}</p>
          <button type="button" className="btn btn--primary btn--xl" onClick={onBack}>
            {t('common.back')}
          </button>
        </>
      )}
      <p className="kiosk-ticket__countdown">{t('kiosk.returning', { count: left })}</p>
    </section>
  );
}
