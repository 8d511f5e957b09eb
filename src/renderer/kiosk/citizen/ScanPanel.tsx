import { useTranslation } from 'react-i18next';
import { CameraScanner } from './CameraScanner';
import type { Citizen } from './useCitizen';

/**
 * On the kiosk's start screen, live without a tap: the camera preview with its
 * target frame, what the citizen can do with the receipt, and the ways to type
 * a code or browse the procedures.
 */
export function ScanPanel({ citizen }: { citizen: Citizen }) {
  const { t } = useTranslation();
  return (
    <section className="scan-panel" aria-labelledby="scan-panel-title">
      <CameraScanner guard={citizen.rescan} onDecoded={(text) => void citizen.lookup(text, 'camera')} />
      <div className="scan-panel__text">
        <h2 id="scan-panel-title">{t('scan.panel.title')}</h2>
        <p>{t('scan.panel.lead')}</p>
        <div className="scan-panel__actions">
          <button type="button" className="btn btn--xl scan-panel__btn" onClick={citizen.typeCode}>
            {t('scan.panel.typeCode')}
          </button>
          <button type="button" className="btn btn--xl scan-panel__btn" onClick={citizen.procedures}>
            {t('scan.panel.procedures')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The large-text switch beside VI/EN in the kiosk's header. */
export function LargeTextToggle({ citizen }: { citizen: Citizen }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="large-toggle" aria-pressed={citizen.largeText} onClick={() => citizen.setLargeText(!citizen.largeText)} aria-label={t('scan.largeText')}>
      <span aria-hidden="true">
        A<span className="large-toggle__big">A</span>
      </span>
    </button>
  );
}
