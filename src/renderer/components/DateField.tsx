import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToDisplayDate, maskDateTyping, parseDisplayDate, parseDisplayTime } from '../app/format';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's language (a native
 * <input type="date"> shows mm/dd/yyyy on an English Windows). The value in and
 * out is 'YYYY-MM-DD', like the native input's, or '' when empty.
 *
 * While the text is not a real date (or is outside min/max) the value is not
 * changed: the field is marked invalid, says why under it, and sets the input's
 * custom validity, so the form it is in refuses to submit.
 */
export function DateField({ value, onChange, min, max, required, ...rest }: InputProps & { value: string; onChange: (iso: string) => void; min?: string; max?: string }) {
  const { t } = useTranslation();
  const errId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => isoToDisplayDate(value));
  const [touched, setTouched] = useState(false);

  // A new value from outside (a quick-range button, a cleared filter) replaces what is shown.
  useEffect(() => {
    if (parseDisplayDate(text) === value || (text === '' && value === '')) return;
    setText(isoToDisplayDate(value));
    setTouched(false); // replaced from outside (a form reset after saving): no error for what the person did not type
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new value from outside; the text typed is this field's own
  }, [value]);

  const problem = dateProblem(text, { min, max, required: required === true }, t);
  useEffect(() => input.current?.setCustomValidity(problem ?? ''), [problem]);
  const shown = touched && problem;

  return (
    <span className="date-field">
      <input
        {...rest}
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('dateField.placeholder')}
        maxLength={10}
        required={required}
        value={text}
        aria-invalid={shown ? true : rest['aria-invalid']}
        aria-describedby={[rest['aria-describedby'], shown ? errId : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          const next = maskDateTyping(e.target.value, text);
          setText(next);
          const iso = next.trim() === '' ? '' : parseDisplayDate(next);
          if (iso !== null && !dateProblem(next, { min, max, required: false }, t)) onChange(iso);
        }}
        onBlur={(e) => {
          setTouched(true);
          rest.onBlur?.(e);
        }}
        onInvalid={() => setTouched(true)}
      />
      {shown && (
        <span className="field__error" id={errId} role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

function dateProblem(text: string, o: { min?: string; max?: string; required: boolean }, t: (k: string, v?: Record<string, unknown>) => string): string | null {
  if (text.trim() === '') return o.required ? t('dateField.required') : null;
  const iso = parseDisplayDate(text);
  if (iso === null) return t('dateField.invalid');
  if (o.min && iso < o.min) return t('dateField.tooEarly', { min: isoToDisplayDate(o.min) });
  if (o.max && iso > o.max) return t('dateField.tooLate', { max: isoToDisplayDate(o.max) });
  return null;
}

/**
 * A date and a time of day (24-hour HH:mm), in office time: the value in and out is
 * 'YYYY-MM-DDTHH:mm' like a native datetime-local input's, without its browser-language order.
 */
export function DateTimeField({ id, value, onChange, required, timeLabel }: { id?: string; value: string; onChange: (v: string) => void; required?: boolean; timeLabel: string }) {
  const { t } = useTranslation();
  const [date, time] = value.split('T');
  const [timeText, setTimeText] = useState(time ?? '');
  const [timeTouched, setTimeTouched] = useState(false);
  const timeInput = useRef<HTMLInputElement>(null);
  const timeOk = parseDisplayTime(timeText);
  const timeProblem = timeText.trim() === '' ? (required ? t('dateField.required') : null) : timeOk === null ? t('dateField.invalidTime') : null;
  useEffect(() => timeInput.current?.setCustomValidity(timeProblem ?? ''), [timeProblem]);
  return (
    <span className="date-time-field">
      <DateField id={id} value={date ?? ''} required={required} onChange={(d) => onChange(`${d}T${timeOk ?? time ?? '00:00'}`)} />
      <span className="date-time-field__time">
        <input
          ref={timeInput}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-label={timeLabel}
          placeholder={t('dateField.timePlaceholder')}
          maxLength={5}
          required={required}
          value={timeText}
          aria-invalid={timeTouched && timeProblem ? true : undefined}
          onChange={(e) => {
            const v = e.target.value.replace(/[^\d:]/g, '').slice(0, 5);
            setTimeText(v);
            const ok = parseDisplayTime(v);
            if (ok && date) onChange(`${date}T${ok}`);
          }}
          onBlur={() => setTimeTouched(true)}
          onInvalid={() => setTimeTouched(true)}
        />
        {timeTouched && timeProblem && (
          <span className="field__error" role="alert">
            {timeProblem}
          </span>
        )}
      </span>
    </span>
  );
}
