import i18next from 'i18next';
import { ApiError, HubUnreachableError } from './api';
import type { ValidationIssue } from '../../shared/api';

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
 * The field problems of a VALIDATION_FAILED answer (`ValidationIssue[]` in the contract), each in
 * the screen's language when its rule has a translation, else in the hub's words.
 */
export function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return (details as Partial<ValidationIssue>[]).map((d) => {
    const key = `validation.${d.rule ?? ''}`;
    const message = d.rule && i18next.exists(key) ? i18next.t(key, { limit: d.limit }) : String(d.message ?? '');
    return { path: String(d.path ?? ''), message };
  });
}
