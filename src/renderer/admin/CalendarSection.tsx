import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { isoToDisplayDate } from '../app/format';
import { DateField } from '../components/DateField';
import { currentLanguage } from '../app/i18n';
import { FormError } from '../components/FormError';
import type { CalendarDayEntry, OfficeHoursSetting } from '../../shared/api';
import { Check, DataTable, Field, FormActions, SavedNote, useResource, useSave, useSettingsForm } from './common';

type Session = { start: string; end: string };

/** Opening hours and the table of days off and swapped working days: what due times are counted in. */
export function CalendarSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.calendar')}</h1>
      <p className="muted">{t('admin.calendar.lead')}</p>
      <OfficeHoursForm onAuthError={onAuthError} />
      <DaysTable onAuthError={onAuthError} />
    </div>
  );
}

function SessionsEditor({ legend, sessions, onChange, error, name }: { legend: string; sessions: Session[]; onChange: (s: Session[]) => void; error: unknown; name: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      {sessions.map((s, i) => (
        <div className="admin-form__row" key={i}>
          <Field label={t('admin.calendar.opens', { n: i + 1 })} name={`${name}.${i}.start`} error={error}>
            {(p) => <input {...p} type="time" value={s.start} onChange={(e) => onChange(sessions.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />}
          </Field>
          <Field label={t('admin.calendar.closes', { n: i + 1 })} name={`${name}.${i}.end`} error={error}>
            {(p) => <input {...p} type="time" value={s.end} onChange={(e) => onChange(sessions.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />}
          </Field>
        </div>
      ))}
    </fieldset>
  );
}

function OfficeHoursForm({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminOfficeHours'), []);
  const { form, setForm, loadError, busy, error, saved, submit } = useSettingsForm(load, (body: OfficeHoursSetting) => api('adminOfficeHoursUpdate', { body }), onAuthError);
  return (
    <section className="admin-subsection" aria-labelledby="office-hours-title">
      <h2 id="office-hours-title">{t('admin.calendar.hoursTitle')}</h2>
      <FormError error={loadError} />
      {form && (
        <form className="admin-form" onSubmit={submit}>
          <SessionsEditor legend={t('admin.calendar.weekdays')} sessions={[...form.weekdaySessions]} onChange={(s) => setForm({ ...form, weekdaySessions: s })} error={error} name="weekdaySessions" />
          <Check checked={form.saturdayMorning} onChange={(v) => setForm({ ...form, saturdayMorning: v })}>
            {t('admin.calendar.saturday')}
          </Check>
          {form.saturdayMorning && (
            <SessionsEditor legend={t('admin.calendar.saturdayHours')} sessions={[...form.saturdaySessions]} onChange={(s) => setForm({ ...form, saturdaySessions: s })} error={error} name="saturdaySessions" />
          )}
          <FormError error={error} />
          <FormActions busy={busy}>
            <SavedNote show={saved} />
          </FormActions>
        </form>
      )}
    </section>
  );
}

const dmy = isoToDisplayDate;

function DaysTable({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const load = useCallback(() => api('adminCalendarDays', { query: { year } }), [year]);
  const { data, error: loadError, reload } = useResource(load, onAuthError);
  const [draft, setDraft] = useState({ date: '', kind: 'holiday' as CalendarDayEntry['kind'], nameVi: '', nameEn: '' });
  const { busy, error, run } = useSave(onAuthError);

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('adminCalendarDaySet', { params: { date: draft.date }, body: { kind: draft.kind, nameVi: draft.nameVi, nameEn: draft.nameEn || draft.nameVi } });
      setDraft({ date: '', kind: 'holiday', nameVi: '', nameEn: '' });
      if (draft.date.startsWith(String(year))) reload();
      else setYear(Number(draft.date.slice(0, 4)));
    });
  };
  const remove = (date: string) => void run(async () => {
    await api('adminCalendarDayRemove', { params: { date } });
    reload();
  });

  return (
    <section className="admin-subsection" aria-labelledby="calendar-days-title">
      <div className="admin-section__head">
        <h2 id="calendar-days-title">{t('admin.calendar.daysTitle')}</h2>
        <label className="inline-field">
          <span>{t('admin.calendar.year')}</span>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError error={loadError} />
      <DataTable columns={[t('admin.calendar.date'), t('admin.calendar.kind'), t('admin.calendar.name'), t('admin.calendar.source')]} empty={data && data.length === 0 ? t('admin.calendar.none') : null}>
        {(data ?? []).map((d) => (
          <tr key={d.date}>
            <td className="num">{dmy(d.date)}</td>
            <td>
              <span className={`tag${d.kind === 'working_day' ? ' tag--work' : ''}`}>{t(`admin.calendar.kinds.${d.kind}`)}</span>
            </td>
            <td>{lang === 'en' ? d.nameEn : d.nameVi}</td>
            <td className="muted">{d.provisional ? t('admin.calendar.provisional') : t(`admin.calendar.sources.${d.source}`)}</td>
            <td className="actions">
              <button type="button" className="btn btn--small" onClick={() => remove(d.date)} aria-label={t('admin.calendar.removeDay', { date: dmy(d.date) })}>
                {t('admin.calendar.remove')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <form className="admin-form admin-form--grid" onSubmit={add} aria-labelledby="calendar-add-title">
        <h3 id="calendar-add-title">{t('admin.calendar.addTitle')}</h3>
        <Field label={t('admin.calendar.date')} name="date" error={error}>
          {(p) => <DateField {...p} required value={draft.date} onChange={(date) => setDraft({ ...draft, date })} />}
        </Field>
        <Field label={t('admin.calendar.kind')} name="kind" error={error}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as CalendarDayEntry['kind'] })}>
              <option value="holiday">{t('admin.calendar.kinds.holiday')}</option>
              <option value="working_day">{t('admin.calendar.kinds.working_day')}</option>
            </select>
          )}
        </Field>
        <Field label={t('admin.calendar.nameVi')} name="nameVi" error={error}>
          {(p) => <input {...p} required value={draft.nameVi} onChange={(e) => setDraft({ ...draft, nameVi: e.target.value })} />}
        </Field>
        <Field label={t('admin.calendar.nameEn')} name="nameEn" error={error}>
          {(p) => <input {...p} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />}
        </Field>
        <FormError error={error} />
        <FormActions busy={busy} label={t('admin.calendar.add')} />
      </form>
    </section>
  );
}
