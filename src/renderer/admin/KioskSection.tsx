import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';

/** The citizen kiosk's settings: the idle timeout and the base URL of the procedure pages the kiosk's QR opens on a phone. */
export function KioskSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('kioskSettings'), []);
  const { data, error: loadError } = useResource(load, onAuthError);
  const [form, setForm] = useState<{ idleSeconds: string; procedureBaseUrl: string } | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  useEffect(() => {
    if (data) setForm({ idleSeconds: String(data.idleSeconds), procedureBaseUrl: data.procedureBaseUrl });
  }, [data]);
  const labels = { idleSeconds: t('admin.kiosk.idleSeconds'), procedureBaseUrl: t('admin.kiosk.procedureBaseUrl') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    void run(async () => {
      const s = await api('adminKioskSettingsUpdate', { body: { idleSeconds: Number(form.idleSeconds), procedureBaseUrl: form.procedureBaseUrl } });
      setForm({ idleSeconds: String(s.idleSeconds), procedureBaseUrl: s.procedureBaseUrl });
      markSaved();
    });
  };
  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.kiosk')}</h1>
      <p className="muted">{t('admin.kiosk.lead')}</p>
      <FormError error={loadError} />
      {form && (
        <form className="admin-form admin-form--grid" onSubmit={submit}>
          <Field label={labels.idleSeconds} hint={t('admin.kiosk.idleSecondsHint')} name="idleSeconds" error={error}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={15} max={600} step={1} value={form.idleSeconds} onChange={(e) => setForm({ ...form, idleSeconds: e.target.value })} className="input--num" />}
          </Field>
          <Field label={labels.procedureBaseUrl} hint={t('admin.kiosk.procedureBaseUrlHint')} name="procedureBaseUrl" error={error}>
            {(p) => <input {...p} type="url" value={form.procedureBaseUrl} placeholder="https://dichvucong.example.vn/thu-tuc" onChange={(e) => setForm({ ...form, procedureBaseUrl: e.target.value })} />}
          </Field>
          <FormError error={error} labels={labels} />
          <FormActions busy={busy}>
            <SavedNote show={saved} />
          </FormActions>
        </form>
      )}
    </div>
  );
}
