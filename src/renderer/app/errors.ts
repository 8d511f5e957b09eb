import i18next from 'i18next';
import { ApiError, HubUnreachableError } from './api';

/** The text to show for an error: the translation of its code when we have one, else the hub's message. */
export function errorText(err: unknown): string {
  if (err instanceof HubUnreachableError) return i18next.t('errors.HUB_UNREACHABLE');
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (i18next.exists(key)) return i18next.t(key);
    return err.message;
  }
  if (err instanceof Error && err.message) return err.message;
  return i18next.t('errors.UNKNOWN');
}

export function errorCode(err: unknown): string | null {
  if (err instanceof HubUnreachableError) return err.code;
  if (err instanceof ApiError) return err.code;
  return null;
}

export interface FieldIssue {
  /** Dotted path of the field ('' for the whole form). */
  path: string;
  message: string;
}

/**
 * The field problems in a VALIDATION_FAILED answer. The hub passes zod's
 * findings in `details`; accept the common shapes (an issue list, `{issues}`,
 * zod's flatten() `{formErrors, fieldErrors}`, or a `{field: message}` map).
 */
export function fieldIssues(details: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  const pathOf = (p: unknown): string =>
    Array.isArray(p) ? p.map(String).filter((s) => s !== 'body').join('.') : typeof p === 'string' ? p.replace(/^\/?body[./]?/, '').replace(/^\//, '').replace(/\//g, '.') : '';
  const fromList = (list: unknown[]) => {
    for (const item of list) {
      if (item && typeof item === 'object') {
        const it = item as { path?: unknown; instancePath?: unknown; message?: unknown; field?: unknown };
        const message = typeof it.message === 'string' ? it.message : JSON.stringify(item);
        out.push({ path: pathOf(it.path ?? it.field ?? it.instancePath), message });
      } else if (typeof item === 'string') {
        out.push({ path: '', message: item });
      }
    }
  };
  if (Array.isArray(details)) fromList(details);
  else if (details && typeof details === 'object') {
    const d = details as Record<string, unknown>;
    if (Array.isArray(d.issues)) fromList(d.issues);
    else if (d.fieldErrors && typeof d.fieldErrors === 'object') {
      if (Array.isArray(d.formErrors)) for (const m of d.formErrors) out.push({ path: '', message: String(m) });
      for (const [k, v] of Object.entries(d.fieldErrors as Record<string, unknown>)) {
        for (const m of Array.isArray(v) ? v : [v]) out.push({ path: k, message: String(m) });
      }
    } else {
      for (const [k, v] of Object.entries(d)) {
        if (typeof v === 'string') out.push({ path: k, message: v });
        else if (Array.isArray(v)) for (const m of v) out.push({ path: k, message: String(m) });
      }
    }
  }
  return out;
}
