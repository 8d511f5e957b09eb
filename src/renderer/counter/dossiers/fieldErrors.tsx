import { useId, type ReactNode } from 'react';
import { ApiError } from '../../app/api';
import { errorText, fieldIssues } from '../../app/errors';
import { fieldMessages } from '../../components/FormError';

/** How the hub's validation errors reach the dossier forms' fields (the register form and the action dialogs). */

/** A 404 with no field details that still concerns one field. */
const FIELD_CODES: Record<string, string> = { UNKNOWN_PROCEDURE: 'procedureCode' };

/** The hub's messages for one field (by dotted path), in the screen's language. */
export function messagesFor(error: unknown, field: string): string[] {
  if (error instanceof ApiError && FIELD_CODES[error.code] === field) return [errorText(error)];
  return fieldMessages(error, field);
}

/** The fields an error is about (empty: the whole form). */
export function errorPaths(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  if (Object.hasOwn(FIELD_CODES, error.code)) return [FIELD_CODES[error.code]!];
  return fieldIssues(error.details).map((i) => i.path);
}

export interface FormErrors {
  /** The hub's last error, unless this field was edited since. */
  errorFor: (name: string) => unknown;
  edit: (name: string) => void;
}

export function FieldBox({ label, hint, note, form, name, wide, children }: { label: string; hint?: string; note?: string | null; form: FormErrors; name: string; wide?: boolean; children: (p: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const id = useId();
  const msgs = messagesFor(form.errorFor(name), name);
  // The hub's word replaces the screen's own hint.
  if (msgs.length) note = null;
  const describedBy = [hint ? `${id}-hint` : '', note ? `${id}-note` : '', msgs.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${msgs.length ? ' has-error' : ''}${wide ? ' field--wide' : ''}`} data-field={name} onChange={() => form.edit(name)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': msgs.length ? true : undefined })}
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {note && (
        <span className="field__note" id={`${id}-note`}>
          {note}
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
