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
