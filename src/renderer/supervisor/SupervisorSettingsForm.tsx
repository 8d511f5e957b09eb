import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorSettings } from '../../shared/api';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Check, Field, FormActions, SavedNote, useSave, useSaved } from '../admin/common';

type NumberKey = 'maxWaitingPerService' | 'maxWaitMinutes' | 'nearlyDueWorkingHours' | 'ratingIdleSeconds';

const NUMBER_FIELDS: { key: NumberKey; min: number; max: number }[] = [
  { key: 'maxWaitingPerService', min: 1, max: 500 },
  { key: 'maxWaitMinutes', min: 1, max: 600 },
  { key: 'nearlyDueWorkingHours', min: 1, max: 40 },
  { key: 'ratingIdleSeconds', min: 5, max: 300 },
];

/** /admin → Tổng hợp → the thresholds: alerts, nearly due (working hours), the rating screen. Saved whole, audited by the hub. */
export function SupervisorSettingsForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<string, string | boolean> | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  const fill = (s: SupervisorSettings) => setForm({ alertDueToday: s.alertDueToday, ratingCriteria: s.ratingCriteria, ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, String(s[f.key])])) });
  useEffect(() => {
    api('supervisorSettings').then(fill).catch(onAuthError);
  }, [onAuthError]);
  if (!form) return null;
  const labels = Object.fromEntries([...NUMBER_FIELDS.map((f) => f.key), 'alertDueToday', 'ratingCriteria'].map((k) => [k, t(`supervisor.settings.${k}`)]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body: SupervisorSettings = {
        maxWaitingPerService: Number(form.maxWaitingPerService),
        maxWaitMinutes: Number(form.maxWaitMinutes),
        ratingIdleSeconds: Number(form.ratingIdleSeconds),
        nearlyDueWorkingHours: Number(form.nearlyDueWorkingHours),
        alertDueToday: form.alertDueToday === true,
        ratingCriteria: form.ratingCriteria === true,
      };
      fill(await api('supervisorSettingsUpdate', { body }));
      markSaved();
    });
  };
  return (
    <section className="card dash-settings" aria-labelledby="dash-settings-title">
      <h2 id="dash-settings-title">{t('supervisor.settings.title')}</h2>
      <form className="admin-form admin-form--grid" onSubmit={submit}>
        {NUMBER_FIELDS.map((f) => (
          <Field key={f.key} label={labels[f.key]!} name={f.key} error={error}>
            {(p) => (
              <input {...p} type="number" inputMode="numeric" min={f.min} max={f.max} step={1} className="input--num" value={String(form[f.key])} onChange={(e) => setForm({ ...form, [f.key]: e.target.value })} />
            )}
          </Field>
        ))}
        <Check checked={form.alertDueToday === true} onChange={(v) => setForm({ ...form, alertDueToday: v })}>
          {labels.alertDueToday}
        </Check>
        <Check checked={form.ratingCriteria === true} onChange={(v) => setForm({ ...form, ratingCriteria: v })}>
          {labels.ratingCriteria}
        </Check>
        <FormError error={error} labels={labels} />
        <FormActions busy={busy} label={t('supervisor.settings.save')}>
          <SavedNote show={saved} />
        </FormActions>
      </form>
    </section>
  );
}
