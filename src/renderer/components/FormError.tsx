import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorText, fieldIssues } from '../app/errors';

/** The error of a form: the translated message, then the hub's field-by-field findings. */
export function FormError({ error, labels = {} }: { error: unknown; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? fieldIssues(error.details) : [];
  return (
    <div className="form-error" role="alert">
      <p>{errorText(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              {i.path ? <strong>{labels[i.path] ?? i.path}: </strong> : null}
              {i.message}
            </li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && error.code === 'VALIDATION_FAILED' && issues.length === 0 ? <p className="muted">{t('errors.checkFields')}</p> : null}
    </div>
  );
}

/** Messages for one field, to show right under it. */
export function fieldMessages(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return fieldIssues(error.details)
    .filter((i) => i.path === field || i.path.startsWith(`${field}.`))
    .map((i) => i.message);
}
