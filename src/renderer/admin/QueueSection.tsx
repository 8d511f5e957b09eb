import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import type { QueueSettings } from '../../shared/api';
import { Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';

const FIELDS: { key: keyof QueueSettings; min: number; max: number }[] = [
  { key: 'priorityInterleave', min: 0, max: 20 },
  { key: 'recallLimit', min: 0, max: 10 },
  { key: 'requeueLimit', min: 0, max: 5 },
  { key: 'defaultServiceMinutes', min: 1, max: 120 },
  { key: 'kioskReturnSeconds', min: 5, max: 120 },
];

export function QueueSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminSettings'), []);
  const { data, error: loadError } = useResource(load, onAuthError);
  const [form, setForm] = useState<Record<keyof QueueSettings, string> | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();

  useEffect(() => {
    if (data) setForm(Object.fromEntries(FIELDS.map((f) => [f.key, String(data[f.key])])) as Record<keyof QueueSettings, string>);
  }, [data]);

  const labels = Object.fromEntries(FIELDS.map((f) => [f.key, t(`admin.queue.${f.key}`)]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    void run(async () => {
      const body = Object.fromEntries(FIELDS.map((f) => [f.key, Number(form[f.key])])) as QueueSettings;
      const s = await api('adminSettingsUpdate', { body });
      setForm(Object.fromEntries(FIELDS.map((f) => [f.key, String(s[f.key])])) as Record<keyof QueueSettings, string>);
      markSaved();
    });
  };

  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.queue')}</h1>
      <p className="muted">{t('admin.queue.lead')}</p>
      <FormError error={loadError} />
      {form && (
        <form className="admin-form admin-form--grid" onSubmit={submit}>
          {FIELDS.map((f) => (
            <Field key={f.key} label={labels[f.key]!} hint={t(`admin.queue.${f.key}Hint`)} name={f.key} error={error}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={form[f.key]}
                  onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                  className="input--num"
                />
              )}
            </Field>
          ))}
          <FormError error={error} labels={labels} />
          <FormActions busy={busy}>
            <SavedNote show={saved} />
          </FormActions>
        </form>
      )}
    </div>
  );
}
