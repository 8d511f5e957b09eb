import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { dossierStatusKey, parseScannedCode } from '../../../shared/domain';
import { listDossiers, type DossierSummary } from './dossierApi';
import { isFinal } from './DueText';
import { formatDue, statusLabel } from './format';
import { ChannelBadge } from './ChannelChoice';

/** Lookup by code or name (GET /dossiers?q=); a scanned receipt QR opens its dossier directly. */
export function DossierList({ selected, onOpen, reloadKey, onAuthError }: { selected: string | null; onOpen: (code: string) => void; reloadKey: number; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<DossierSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    const scanned = parseScannedCode(q);
    const text = scanned ? scanned.code : q.trim();
    const timer = setTimeout(() => {
      listDossiers(text, ctl.signal)
        .then((list) => {
          setItems(list);
          setError(null);
        })
        .catch((err: unknown) => {
          if (!ctl.signal.aborted && !onAuthError(err)) setError(errorText(err));
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q, reloadKey, onAuthError]);

  return (
    <section className="dlist" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('dossier.lookupTitle')}
      </h2>
      <form
        className="dlist__search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const scanned = parseScannedCode(q);
          if (scanned) onOpen(scanned.code);
          else if (items?.length === 1 && items[0]) onOpen(items[0].code);
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-q`}>
          {t('dossier.lookup')}
        </label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('dossier.lookup')} aria-describedby={`${id}-hint`} autoComplete="off" spellCheck={false} maxLength={120} />
        <span className="field__hint" id={`${id}-hint`}>
          {t('dossier.lookupHint')}
        </span>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="muted">{t('dossier.lookupNone')}</p>}
      <ul className="dlist__items" aria-label={t('dossier.lookupResults')}>
        {items?.map((d) => {
          const key = dossierStatusKey(d.status) ?? 'unknown';
          const due = isFinal(d.status) ? null : d.dueStatus;
          return (
            <li key={d.code}>
              <button type="button" className={`dlist__item${selected === d.code ? ' is-selected' : ''}`} aria-current={selected === d.code ? 'true' : undefined} onClick={() => onOpen(d.code)}>
                <span className="dlist__row">
                  <span className="dlist__code mono">{d.code}</span>
                  {due && due !== 'on_time' && <span className={`due__badge due__badge--${due}`}>{t(`dossier.due.${due}`)}</span>}
                </span>
                <span className="dlist__name">
                  {d.applicantName} <ChannelBadge channel={d.channel} />
                </span>
                <span className="dlist__proc">{localized(d.procedure, lang)}</span>
                <span className="dlist__row">
                  <span className={`dstatus dstatus--sm dstatus--${key}`}>{statusLabel(d.status)}</span>
                  {d.dueAt !== null && !d.paused && <span className={`dlist__due due--${due ?? 'none'}`}>{t('dossier.listDue', { due: formatDue(d.dueAt, lang) })}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
