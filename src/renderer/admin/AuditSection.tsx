import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiBytes } from '../app/api';
import { formatDateTime } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { DateField } from '../components/DateField';
import { FormError } from '../components/FormError';
import { AUDIT_ACTIONS, AUDIT_GROUPS, type AuditEntry } from '../../shared/api';
import { auditDetailParts } from '../../shared/domain';
import { DataTable, Field, useSave } from './common';

/** The office's day starts at midnight in Việt Nam (UTC+7, no daylight saving). */
const dayStart = (date: string) => Date.parse(`${date}T00:00:00+07:00`);
const DAY_MS = 86_400_000;

interface Filter {
  from: string;
  to: string;
  action: string;
  actor: string;
  q: string;
}
const EMPTY: Filter = { from: '', to: '', action: '', actor: '', q: '' };

function toQuery(f: Filter) {
  return {
    from: f.from ? dayStart(f.from) : undefined,
    to: f.to ? dayStart(f.to) + DAY_MS : undefined,
    action: (f.action || undefined) as (typeof AUDIT_ACTIONS)[number] | undefined,
    actor: f.actor.trim() || undefined,
    q: f.q.trim() || undefined,
  };
}

/** The audit log: filters, newest first, page by page, and the same selection as CSV for Excel. */
export function AuditSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const exporting = useSave(onAuthError);

  const load = useCallback(
    (f: Filter, before?: number) =>
      run(async () => {
        const page = await api('adminAudit', { query: { ...toQuery(f), before, limit: 100 } });
        setEntries((old) => (before ? [...old, ...page.entries] : page.entries));
        setNext(page.nextBefore);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run is a fresh closure each render over stable setters
    [],
  );
  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const exportCsv = () =>
    exporting.run(async () => {
      const bytes = await apiBytes('adminAuditCsv', { query: { ...toQuery(filter), lang: currentLanguage() } });
      const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `nhat-ky-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  const set = (patch: Partial<Filter>) => setDraft((d) => ({ ...d, ...patch }));
  const actionLabel = (a: string) => t(`audit.actions.${a.replace('.', '_')}`, { defaultValue: a });

  return (
    <div className="admin-section">
      <div className="admin-section__head">
        <div>
          <h1>{t('admin.tabs.audit')}</h1>
          <p className="muted">{t('audit.lead')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => void exportCsv()} disabled={exporting.busy}>
          {t('audit.export')}
        </button>
      </div>
      <form className="audit-filter" onSubmit={submit} aria-label={t('audit.filter')}>
        <Field label={t('audit.from')} name="from" error={error}>
          {(p) => <DateField {...p} value={draft.from} max={draft.to || undefined} onChange={(from) => set({ from })} />}
        </Field>
        <Field label={t('audit.to')} name="to" error={error}>
          {(p) => <DateField {...p} value={draft.to} min={draft.from || undefined} onChange={(to) => set({ to })} />}
        </Field>
        <Field label={t('audit.action')} name="action" error={error}>
          {(p) => (
            <select {...p} value={draft.action} onChange={(e) => set({ action: e.target.value })}>
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_GROUPS.map((g) => (
                <optgroup key={g} label={t(`audit.groups.${g}`)}>
                  <option value={g}>
                    {t(`audit.groups.${g}`)} — {t('audit.allActions').toLowerCase()}
                  </option>
                  {AUDIT_ACTIONS.filter((a) => a.startsWith(`${g}.`)).map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(a)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.actor')} name="actor" error={error}>
          {(p) => <input {...p} value={draft.actor} placeholder={t('audit.actorHint')} onChange={(e) => set({ actor: e.target.value })} maxLength={60} />}
        </Field>
        <Field label={t('audit.search')} name="q" error={error}>
          {(p) => <input {...p} type="search" value={draft.q} onChange={(e) => set({ q: e.target.value })} maxLength={100} />}
        </Field>
        <div className="audit-filter__buttons">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('audit.filter')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDraft(EMPTY);
              setFilter(EMPTY);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <FormError error={error ?? exporting.error} labels={{ from: t('audit.from'), to: t('audit.to'), actor: t('audit.actor'), q: t('audit.search') }} />
      <DataTable columns={[t('audit.time'), t('audit.action'), t('audit.actor'), t('audit.target'), t('audit.detail')]} empty={!busy && entries.length === 0 ? t('audit.none') : null}>
        {entries.map((e) => (
          <tr key={e.id} className={`audit-row audit-row--${e.action.split('.')[0]}${/failed|locked|refused|revoked|restore/.test(e.action) ? ' is-notable' : ''}`} data-action={e.action}>
            <td className="nowrap">{formatDateTime(e.at)}</td>
            <td>{actionLabel(e.action)}</td>
            <td>
              <span className="muted">{t(`audit.actorKinds.${e.actorKind}`)}</span> {e.actorName ?? ''}
              {e.ip && <span className="audit-ip mono"> · {e.ip}</span>}
            </td>
            <td className="mono audit-target">{e.target ?? ''}</td>
            <td className="audit-detail">{e.detail ? <DetailText detail={e.detail} /> : null}</td>
            <td />
          </tr>
        ))}
      </DataTable>
      {next !== null && (
        <div className="form-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void load(filter, next)}>
            {t('audit.more')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Details as "key: value" pairs on one line; instants as dd/mm/yyyy HH:mm (the domain's one rule), nested values compact. */
function DetailText({ detail }: { detail: Record<string, unknown> }) {
  const parts = auditDetailParts(detail);
  return <span title={parts.join('\n')}>{parts.join(' · ')}</span>;
}
