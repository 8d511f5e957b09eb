import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';
import { FormSettingsSection } from './FormSettingsSection';
import { DigitisingLimitsForm } from './DigitisingLimitsForm';

export function OfficeSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('office'), []);
  const { data, error: loadError } = useResource(load, onAuthError);
  const [name, setName] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();

  useEffect(() => {
    if (data) {
      setName(data.name);
      setAgencyCode(data.agencyCode);
    }
  }, [data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const o = await api('adminOffice', { body: { name, agencyCode } });
      setName(o.name);
      setAgencyCode(o.agencyCode);
      markSaved();
    });
  };
  const labels = { name: t('admin.office.name'), agencyCode: t('admin.office.agencyCode') };

  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.office')}</h1>
      <p className="muted">{t('admin.office.lead')}</p>
      <FormError error={loadError} />
      <form className="admin-form" onSubmit={submit}>
        <Field label={labels.name} name="name" error={error}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />}
        </Field>
        <Field label={labels.agencyCode} hint={t('admin.office.agencyCodeHint')} name="agencyCode" error={error}>
          {(p) => <input {...p} value={agencyCode} onChange={(e) => setAgencyCode(e.target.value.toUpperCase())} maxLength={30} spellCheck={false} />}
        </Field>
        {data && (
          <p className="muted">
            {t('admin.office.day')}: <strong>{data.officeDay}</strong> · {t('admin.office.timeZone')}: <strong>{data.timeZone}</strong>
          </p>
        )}
        <FormError error={error} labels={labels} />
        <FormActions busy={busy || !data}>
          <SavedNote show={saved} />
        </FormActions>
      </form>
      <FormSettingsSection onAuthError={onAuthError} />
      <DocumentSettingsForm onAuthError={onAuthError} />
      <DigitisingLimitsForm onAuthError={onAuthError} />
    </div>
  );
}

/** The paper of the receipt: A4 landscape with both copies side by side, or A5 with a page per copy. */
function DocumentSettingsForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminDocumentSettings'), []);
  const { data } = useResource(load, onAuthError);
  const [paper, setPaper] = useState<'A4_landscape' | 'A5' | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  useEffect(() => {
    if (data) setPaper(data.receiptPaper);
  }, [data]);
  if (!paper) return null;
  return (
    <form
      className="admin-form admin-subsection"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          setPaper((await api('adminDocumentSettingsUpdate', { body: { receiptPaper: paper } })).receiptPaper);
          markSaved();
        });
      }}
    >
      <Field label={t('admin.office.receiptPaper')} name="receiptPaper" error={error}>
        {(p) => (
          <select {...p} value={paper} onChange={(e) => setPaper(e.target.value as 'A4_landscape' | 'A5')}>
            <option value="A4_landscape">{t('admin.office.paperA4')}</option>
            <option value="A5">{t('admin.office.paperA5')}</option>
          </select>
        )}
      </Field>
      <FormError error={error} />
      <FormActions busy={busy}>
        <SavedNote show={saved} />
      </FormActions>
    </form>
  );
}
