import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import type { DigitisingLimits } from '../../shared/api/attachments';
import { Field, FormActions, SavedNote, useSettingsForm } from './common';

const MB = 1024 * 1024;

/** The size and page limits of one digitised document; the hub reads them on every add. */
export function DigitisingLimitsForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminDigitisingLimits'), []);
  const { form, setForm, loadError, busy, error, saved, submit } = useSettingsForm(load, (body: DigitisingLimits) => api('adminDigitisingLimitsUpdate', { body }), onAuthError);
  const labels = { maxFileBytes: t('digitise.limits.maxFileMb'), maxPages: t('digitise.limits.maxPages') };
  // One card like the office's other forms (the form is the card).
  return (
    <form className="admin-form admin-subsection" onSubmit={submit} aria-labelledby="digitising-limits-title">
      <h2 id="digitising-limits-title">{t('digitise.limits.title')}</h2>
      <p className="muted">{t('digitise.limits.lead')}</p>
      <FormError error={loadError} />
      {form && (
        <>
          <Field label={labels.maxFileBytes} hint={t('digitise.limits.maxFileHint')} name="maxFileBytes" error={error}>
            {/* Megabytes on screen, bytes in the setting: whole MB are all an admin needs. */}
            {(p) => <input {...p} type="number" min={1} max={40} step={1} value={Math.round(form.maxFileBytes / MB)} onChange={(e) => setForm({ ...form, maxFileBytes: Number(e.target.value) * MB })} />}
          </Field>
          <Field label={labels.maxPages} hint={t('digitise.limits.maxPagesHint')} name="maxPages" error={error}>
            {(p) => <input {...p} type="number" min={1} max={200} step={1} value={form.maxPages} onChange={(e) => setForm({ ...form, maxPages: Number(e.target.value) })} />}
          </Field>
          <FormError error={error} labels={labels} />
          <FormActions busy={busy}>
            <SavedNote show={saved} />
          </FormActions>
        </>
      )}
    </form>
  );
}
