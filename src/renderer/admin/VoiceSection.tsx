import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { VOICE_LANGUAGES, type LanguageSettings, type VoiceSettings } from '../../shared/api';
import { callClips, VOICE_CLIPS } from '../../shared/domain';
import { Check, Field, FormActions, SavedNote, useSettingsForm } from './common';

/** The sentence the display says for A023 at counter 5, in the chosen language(s): what the admin will hear. */
function exampleText(language: VoiceSettings['language']): string {
  // Letters are shown as printed ("A"), the rest as spoken.
  const say = (lang: 'vi' | 'en') => callClips('A023', 5, lang).map((id) => (id.slice(3).startsWith('l_') ? id.slice(5).toUpperCase() : VOICE_CLIPS[lang][id.slice(3)])).join(' ');
  return language === 'vi_en' ? `${say('vi')} … ${say('en')}` : say(language);
}

/** Calls & languages: how the lobby display speaks calls, and which languages the screens offer. */
export function VoiceSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.voice')}</h1>
      <p className="muted">{t('voice.lead')}</p>
      <VoiceForm onAuthError={onAuthError} />
      <LanguagesForm onAuthError={onAuthError} />
    </div>
  );
}

function VoiceForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminVoiceSettings'), []);
  const { form, setForm, loadError, busy, error, saved, submit } = useSettingsForm(load, (body: VoiceSettings) => api('adminVoiceSettingsUpdate', { body }), onAuthError);
  const set = (patch: Partial<VoiceSettings>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const labels = { enabled: t('voice.enabled'), language: t('voice.language'), volume: t('voice.volume'), repeat: t('voice.repeat'), chime: t('voice.chime') };
  return (
    <section className="admin-subsection" aria-labelledby="voice-title">
      <h2 id="voice-title">{t('voice.voiceTitle')}</h2>
      <FormError error={loadError} />
      {form && (
        <form className="admin-form admin-form--grid" onSubmit={submit}>
          <div className="admin-fieldset">
            <Check checked={form.enabled} onChange={(enabled) => set({ enabled })}>
              {labels.enabled}
            </Check>
            <Check checked={form.chime} onChange={(chime) => set({ chime })}>
              {labels.chime}
            </Check>
          </div>
          <Field label={labels.language} name="language" error={error}>
            {(p) => (
              <select {...p} value={form.language} onChange={(e) => set({ language: e.target.value as VoiceSettings['language'] })} disabled={!form.enabled}>
                {VOICE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`voice.lang_${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={labels.volume} name="volume" error={error}>
            {(p) => (
              <span className="voice-volume">
                <input {...p} type="range" min={0} max={100} step={5} value={form.volume} onChange={(e) => set({ volume: Number(e.target.value) })} />
                <output htmlFor={p.id}>{t('voice.volumeValue', { n: form.volume })}</output>
              </span>
            )}
          </Field>
          <Field label={labels.repeat} hint={t('voice.repeatHint')} name="repeat" error={error}>
            {(p) => (
              <select {...p} value={form.repeat} onChange={(e) => set({ repeat: Number(e.target.value) })} disabled={!form.enabled}>
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="voice-example">
            {form.enabled && <p lang={form.language === 'en' ? 'en' : 'vi'}>{t('voice.example', { text: `“${exampleText(form.language)}”` })}</p>}
            <p className="muted">{t('voice.numbersNote')}</p>
          </div>
          <FormError error={error} labels={labels} />
          <FormActions busy={busy}>
            <SavedNote show={saved} />
          </FormActions>
        </form>
      )}
    </section>
  );
}

function LanguagesForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminLanguageSettings'), []);
  const { form, setForm, busy, error, saved, submit } = useSettingsForm(load, (body: LanguageSettings) => api('adminLanguageSettingsUpdate', { body }), onAuthError);
  if (!form) return null;
  const labels = { defaultLanguage: t('voice.defaultLanguage'), english: t('voice.english') };
  return (
    <section className="admin-subsection" aria-labelledby="languages-title">
      <h2 id="languages-title">{t('voice.languagesTitle')}</h2>
      <p className="muted">{t('voice.languagesLead')}</p>
      <form className="admin-form" onSubmit={submit}>
        <Field label={labels.defaultLanguage} name="defaultLanguage" error={error}>
          {(p) => (
            <select {...p} value={form.defaultLanguage} onChange={(e) => setForm({ ...form, defaultLanguage: e.target.value as 'vi' | 'en' })}>
              <option value="vi">Tiếng Việt</option>
              <option value="en" disabled={!form.english}>
                English
              </option>
            </select>
          )}
        </Field>
        <Check checked={form.english} onChange={(english) => setForm({ ...form, english, defaultLanguage: english ? form.defaultLanguage : 'vi' })}>
          {labels.english}
        </Check>
        <FormError error={error} labels={labels} />
        <FormActions busy={busy}>
          <SavedNote show={saved} />
        </FormActions>
      </form>
    </section>
  );
}
