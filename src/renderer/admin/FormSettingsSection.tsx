import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import type { FormSettings } from '../../shared/api/forms';
import { Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';

/** The header every form prints (Circular 03/2025) and the account fees are transferred to (VietQR). */
export function FormSettingsSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('formSettings'), []);
  const { data, error: loadError } = useResource(load, onAuthError);
  const [v, setV] = useState<FormSettings | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  useEffect(() => {
    if (data) setV(data);
  }, [data]);
  if (!v) return <FormError error={loadError} />;
  const header = (k: keyof FormSettings['header'], value: string) => setV({ ...v, header: { ...v.header, [k]: value } });
  const account = (k: keyof FormSettings['feeAccount'], value: string) => setV({ ...v, feeAccount: { ...v.feeAccount, [k]: value } });
  const labels = {
    'header.parentAgency': t('forms.admin.parentAgency'),
    'header.agencyName': t('forms.admin.agencyName'),
    'header.place': t('forms.admin.place'),
    'feeAccount.bankBin': t('forms.admin.bankBin'),
    'feeAccount.accountNumber': t('forms.admin.accountNumber'),
    'feeAccount.accountName': t('forms.admin.accountName'),
  };
  return (
    <form
      className="admin-form admin-subsection"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          setV(await api('formSettingsUpdate', { body: v }));
          markSaved();
        });
      }}
    >
      <h2>{t('forms.admin.title')}</h2>
      <p className="muted">{t('forms.admin.lead')}</p>
      <Field label={labels['header.parentAgency']} name="header.parentAgency" error={error}>
        {(p) => <input {...p} value={v.header.parentAgency} onChange={(e) => header('parentAgency', e.target.value)} maxLength={200} />}
      </Field>
      <Field label={labels['header.agencyName']} name="header.agencyName" error={error}>
        {(p) => <input {...p} value={v.header.agencyName} onChange={(e) => header('agencyName', e.target.value)} maxLength={200} />}
      </Field>
      <Field label={labels['header.place']} name="header.place" error={error}>
        {(p) => <input {...p} value={v.header.place} onChange={(e) => header('place', e.target.value)} maxLength={80} />}
      </Field>
      <p className="muted">{t('forms.admin.feeLead')}</p>
      <Field label={labels['feeAccount.bankBin']} name="feeAccount.bankBin" error={error}>
        {(p) => <input {...p} value={v.feeAccount.bankBin} onChange={(e) => account('bankBin', e.target.value.replace(/\D/g, ''))} maxLength={6} inputMode="numeric" />}
      </Field>
      <Field label={labels['feeAccount.accountNumber']} name="feeAccount.accountNumber" error={error}>
        {(p) => <input {...p} value={v.feeAccount.accountNumber} onChange={(e) => account('accountNumber', e.target.value.trim())} maxLength={19} spellCheck={false} />}
      </Field>
      <Field label={labels['feeAccount.accountName']} name="feeAccount.accountName" error={error}>
        {(p) => <input {...p} value={v.feeAccount.accountName} onChange={(e) => account('accountName', e.target.value)} maxLength={120} />}
      </Field>
      <FormError error={error} labels={labels} />
      <FormActions busy={busy} label={t('forms.admin.save')}>
        <SavedNote show={saved} />
      </FormActions>
    </form>
  );
}
