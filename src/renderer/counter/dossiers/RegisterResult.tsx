import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { Dossier } from './dossierApi';
import { formatDue, processingText, statusLabel } from './format';
import { usePrintReceipt } from './usePrintReceipt';

/** After registering: the code, big; the due time; print the receipt. */
export function RegisterResult({ dossier, onOpen, onAnother, onBackToQueue }: { dossier: Dossier; onOpen: () => void; onAnother: () => void; onBackToQueue?: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const printer = usePrintReceipt();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="reg-result" aria-labelledby="reg-result-title">
      <p className="reg-result__ok" role="status">
        <span className="reg-result__tick" aria-hidden="true">
          ✓
        </span>
        <span id="reg-result-title">{t('dossier.registered')}</span>
      </p>
      <h1 className="reg-result__code mono" ref={heading} tabIndex={-1} aria-label={`${t('dossier.code')}: ${dossier.code}`}>
        {dossier.code}
      </h1>
      <p className="reg-result__proc">
        <span className="mono muted">{dossier.procedure.code}</span> {localized(dossier.procedure, lang)}
      </p>
      <dl className="reg-result__facts">
        <div>
          <dt>{t('dossier.applicant')}</dt>
          <dd>{dossier.applicantName}</dd>
        </div>
        <div>
          <dt>{t('dossier.acceptedAt')}</dt>
          <dd>{formatDateTime(dossier.acceptedAt)}</dd>
        </div>
        <div>
          <dt>{t('dossier.procedureTime')}</dt>
          <dd>{processingText({ value: dossier.procedure.processingValue, unit: dossier.procedure.processingUnit })}</dd>
        </div>
        <div className="reg-result__due">
          <dt>{t('dossier.dueAt')}</dt>
          <dd data-testid="due">{dossier.dueAt !== null ? formatDue(dossier.dueAt, lang) : t('dossier.due.none')}</dd>
        </div>
        <div>
          <dt>{t('dossier.registerBook')}</dt>
          <dd>{t('dossier.registerBookValue', { book: dossier.registerBook.book, number: dossier.registerBook.number })}</dd>
        </div>
        <div>
          <dt>{t('dossier.statusTitle')}</dt>
          <dd>{statusLabel(dossier.status)}</dd>
        </div>
      </dl>
      <div className="reg-result__actions">
        <button type="button" className="btn btn--primary btn--lg" disabled={printer.state.kind === 'printing'} onClick={() => void printer.print(dossier.code)}>
          {t('dossier.printReceipt')}
        </button>
        <button type="button" className="btn btn--lg" onClick={onOpen}>
          {t('dossier.openDossier')}
        </button>
        <button type="button" className="btn btn--lg" onClick={onAnother}>
          {t('dossier.registerAnother')}
        </button>
        {onBackToQueue && (
          <button type="button" className="btn btn--lg" onClick={onBackToQueue}>
            {t('dossier.backToQueue')}
          </button>
        )}
      </div>
      <p className={`print-status print-status--${printer.state.kind}`} role="status">
        {printer.text}
      </p>
    </section>
  );
}
