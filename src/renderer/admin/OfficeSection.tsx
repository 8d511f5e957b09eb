import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';

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
    </div>
  );
}
