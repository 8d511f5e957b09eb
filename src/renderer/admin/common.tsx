import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from '../components/FormError';

/** Loads data once and on `reload()`; keeps the last data while reloading. */
export function useResource<T>(load: () => Promise<T>, onError?: (err: unknown) => void): { data: T | null; error: unknown; reload: () => void; loading: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [n, setN] = useState(0);
  useEffect(() => {
    let alive = true;
    load()
      .then((d) => {
        if (!alive) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!alive) return;
        setError(err);
        onError?.(err);
      })
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // `load` and `onError` are expected to be stable (useCallback) — reload is explicit.
  }, [load, onError, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload, loading };
}

/** A labelled form field with its hint and the hub's messages for it. */
export function Field({
  label,
  hint,
  error,
  name,
  children,
}: {
  label: string;
  hint?: string;
  error?: unknown;
  name?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const msgs = name ? fieldMessages(error, name) : [];
  const describedBy = [hint ? `${id}-hint` : '', msgs.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${msgs.length ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': msgs.length ? true : undefined })}
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {msgs.length > 0 && (
        <span className="field__error" id={`${id}-err`}>
          {msgs.join('; ')}
        </span>
      )}
    </div>
  );
}

/** "Saved" for a few seconds after a successful save. */
export function useSaved(): [boolean, () => void] {
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(0), 4000);
    return () => clearTimeout(timer);
  }, [saved]);
  return [saved > 0, () => setSaved(Date.now())];
}

export function SavedNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="saved-note" role="status">
      {show ? t('admin.saved') : ''}
    </span>
  );
}

export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <span className={`pill ${value ? 'pill--ok' : 'pill--off'}`}>{value ? t('admin.active') : t('admin.inactive')}</span>;
}

/** A section's heading and lead with the button that adds an item. */
export function SectionHead({ title, lead, action, onAction }: { title: string; lead: string; action: string; onAction: () => void }) {
  return (
    <div className="admin-section__head">
      <div>
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
      </div>
      <button type="button" className="btn btn--primary" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}

/** A list table: the given column heads, a last column for the row's buttons, and `empty` in one row when set. */
export function DataTable({ columns, empty, children }: { columns: string[]; empty?: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('admin.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {children}
        {empty && (
          <tr>
            <td colSpan={columns.length + 1} className="muted">
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** A row's "Edit" button, named after the item for screen readers. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn--small" onClick={onClick} aria-label={t('admin.editItem', { name })}>
      {t('admin.edit')}
    </button>
  );
}

/** A checkbox with its label text. */
export function Check({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
}

/** A form's buttons: Cancel (when `onCancel` is given), then submit ("Save" unless `label`), then `children`. */
export function FormActions({ busy, label, onCancel, children }: { busy: boolean; label?: string; onCancel?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {label ?? t('admin.save')}
      </button>
      {children}
    </div>
  );
}

/**
 * Busy and error state for a write to the hub: `run(action)` clears the last error, marks busy,
 * and on failure reports the error to `onAuthError` (which signs out on 401) and keeps it for the form.
 */
export function useSave(onAuthError: (err: unknown) => void): { busy: boolean; error: unknown; run: (action: () => Promise<void>) => Promise<void> } {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      onAuthError(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/**
 * A settings form edited as the hub gives it: loaded once, changed in place, saved whole, and
 * refilled from the hub's answer (what it stored, after its own normalising).
 */
export function useSettingsForm<T>(load: () => Promise<T>, save: (form: T) => Promise<T>, onAuthError: (err: unknown) => void) {
  const { data, error: loadError } = useResource(load, onAuthError);
  const [form, setForm] = useState<T | null>(null);
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  useEffect(() => {
    if (data) setForm(data);
  }, [data]);
  const submit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (!form) return;
    void run(async () => {
      setForm(await save(form));
      markSaved();
    });
  };
  return { form, setForm, loadError, busy, error, saved, submit };
}
