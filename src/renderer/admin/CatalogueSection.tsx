import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload, api, ApiError } from '../app/api';
import { FormError } from '../components/FormError';
import type { CatalogueApplied, CataloguePreview } from '../../shared/api/catalogueImport';
import { useSave } from './common';
import './catalogue.css';

/** Rows of a change list shown at once; the rest are counted (a province's list has thousands). */
const SHOWN = 50;

type Change = CataloguePreview['changed'][number];

/** Import the province's catalogue: pick the file, preview what changes (nothing is written), apply that preview. */
export function CatalogueSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<CataloguePreview | null>(null);
  const [applied, setApplied] = useState<CatalogueApplied | null>(null);
  const reading = useSave(onAuthError);
  const applying = useSave(onAuthError);

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    void reading.run(async () => {
      setPreview(null);
      setApplied(null);
      const r = await apiUpload('adminCatalogueImport', await file.arrayBuffer(), { query: { fileName: file.name } });
      if (r.kind === 'preview') setPreview(r);
    });
  };
  const onApply = () =>
    void applying.run(async () => {
      if (!preview?.previewId) return;
      const r = await api('adminCatalogueImport', { body: { previewId: preview.previewId, hash: preview.hash }, timeoutMs: 120_000 });
      if (r.kind === 'applied') {
        setApplied(r);
        setPreview(null);
        if (fileRef.current) fileRef.current.value = '';
      }
    });

  const fieldName = (f: string) => t(`catalogue.fields.${f}`, { defaultValue: f });
  const missing = reading.error instanceof ApiError && reading.error.code === 'CATALOGUE_COLUMNS' ? ((reading.error.details as { missing?: string[] } | undefined)?.missing ?? []) : [];

  return (
    <div className="admin-section catalogue-import">
      <div className="admin-section__head">
        <div>
          <h1>{t('admin.tabs.catalogue')}</h1>
          <p className="muted">{t('catalogue.lead')}</p>
        </div>
      </div>
      <form className="admin-form catalogue-import__pick" onSubmit={onPreview}>
        <label className="field">
          <span className="field__label">{t('catalogue.file')}</span>
          <input ref={fileRef} type="file" name="catalogueFile" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          <span className="field__hint muted">{t('catalogue.fileHint')}</span>
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={reading.busy}>
            {reading.busy ? t('catalogue.previewing') : t('catalogue.preview')}
          </button>
        </div>
      </form>
      <FormError error={reading.error ?? applying.error} />
      {missing.length > 0 && <p className="form-error">{t('catalogue.columnsMissing', { columns: missing.join(', ') })}</p>}
      {applied && (
        <p className="notice notice--ok" role="status">
          {t('catalogue.applied', applied)}
        </p>
      )}
      {preview && <PreviewView preview={preview} fieldName={fieldName} busy={applying.busy} onApply={onApply} onCancel={() => setPreview(null)} />}
    </div>
  );
}

function PreviewView({ preview, fieldName, busy, onApply, onCancel }: { preview: CataloguePreview; fieldName: (f: string) => string; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="catalogue-preview" aria-label={t('catalogue.preview')}>
      <p className="catalogue-preview__summary" role="status">
        {t('catalogue.summary', { fileName: preview.fileName, rows: preview.rows, added: preview.added.length, changed: preview.changed.length, removed: preview.removed.length, unchanged: preview.unchanged })}
      </p>
      <p className="muted">{t('catalogue.columnsFound', { columns: Object.values(preview.columns).join(', ') })}</p>
      {preview.ignoredColumns.length > 0 && <p className="muted">{t('catalogue.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>}
      {preview.errorCount > 0 ? (
        <div className="catalogue-preview__errors">
          <p className="form-error" role="alert">
            {t('catalogue.errorsTitle', { count: preview.errorCount })}
          </p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.col.row')}</th>
                <th scope="col">{t('catalogue.col.column')}</th>
                <th scope="col">{t('catalogue.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column}</td>
                  <td>{e.rule ? t(`catalogue.rules.${e.rule}`, { ...e.values, defaultValue: e.reason }) : e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.errorCount > preview.errors.length && <p className="muted">{t('catalogue.errorsMore', { shown: preview.errors.length, count: preview.errorCount })}</p>}
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="btn btn--primary" onClick={onApply} disabled={busy || !preview.previewId}>
            {busy ? t('catalogue.applying') : t('catalogue.apply')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t('catalogue.cancel')}
          </button>
        </div>
      )}
      <ChangeTable title={t('catalogue.addedTitle', { count: preview.added.length })} items={preview.added} fieldName={fieldName} />
      <ChangeTable title={t('catalogue.changedTitle', { count: preview.changed.length })} items={preview.changed} fieldName={fieldName} withChanges />
      <ChangeTable title={t('catalogue.removedTitle', { count: preview.removed.length })} items={preview.removed} fieldName={fieldName} note={t('catalogue.removedNote')} />
    </section>
  );
}

function ChangeTable({ title, items, fieldName, withChanges, note }: { title: string; items: Change[]; fieldName: (f: string) => string; withChanges?: boolean; note?: string }) {
  const { t, i18n } = useTranslation();
  /** The hub sends data, not words: a processing time as "<n> <unit>", a fee as a bare number. */
  const shown = (field: string, v: string) => {
    const time = /^(\d+) (working_days|calendar_days)$/.exec(v);
    if (field === 'processing' && time) return t(`catalogue.days.${time[2]}`, { count: Number(time[1]) });
    if (field === 'fee' && /^\d+$/.test(v)) return `${Number(v).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US')} đ`;
    if (field === 'level' && ['province', 'commune', 'district'].includes(v)) return t(`dossier.procedureLevel.${v}`);
    return v;
  };
  return (
    <section className="catalogue-preview__group">
      <h2>{title}</h2>
      {note && items.length > 0 && <p className="muted">{note}</p>}
      {items.length === 0 ? (
        <p className="muted">{t('catalogue.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.col.row')}</th>
              <th scope="col">{t('catalogue.col.code')}</th>
              <th scope="col">{t('catalogue.col.name')}</th>
              {withChanges && <th scope="col">{t('catalogue.col.what')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.slice(0, SHOWN).map((c) => (
              <tr key={c.code}>
                <td>{c.row ?? '—'}</td>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.nameVi}</td>
                {withChanges && (
                  <td>
                    <ul className="catalogue-preview__changes">
                      {c.changes.map((ch) => (
                        <li key={ch.field}>
                          <strong>{fieldName(ch.field)}:</strong> <del>{shown(ch.field, ch.before)}</del> → <ins>{shown(ch.field, ch.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > SHOWN && <p className="muted">{t('catalogue.more', { count: items.length - SHOWN })}</p>}
    </section>
  );
}
