import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { dossierStatusKey, FINAL_STATUSES } from '../../../shared/domain';
import type { Dossier } from './dossierApi';
import { formatDue } from './format';

export function isFinal(status: number): boolean {
  const key = dossierStatusKey(status);
  return !!key && FINAL_STATUSES.includes(key);
}

/** How the due time reads: red when overdue, amber when nearly due. */
export function DueText({ d }: { d: Pick<Dossier, 'dueAt' | 'dueStatus' | 'paused' | 'status'> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (d.paused) return <span className="due due--paused">{t('dossier.due.paused')}</span>;
  if (d.dueAt === null) return <span className="due muted">{t('dossier.due.none')}</span>;
  // A closed dossier keeps its due time, without the alarm colours.
  const st = isFinal(d.status) ? null : d.dueStatus;
  return (
    <span className={`due${st ? ` due--${st}` : ''}`}>
      {formatDue(d.dueAt, lang)}
      {st && st !== 'on_time' && <span className={`due__badge due__badge--${st}`}>{t(`dossier.due.${st}`)}</span>}
    </span>
  );
}
