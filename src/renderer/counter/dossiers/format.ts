/** Display helpers for dossiers: status words, processing time, money, due time. */
import i18next from 'i18next';
import { dossierStatusKey, formatDueEn, formatDueVi, formatWorkingSpan, workingSpan } from '../../../shared/domain';
import type { Language } from '../../../shared/i18n';

export function statusLabel(status: number): string {
  const key = dossierStatusKey(status);
  return key ? i18next.t(`dossier.status.${key}`) : String(status);
}

export function processingText(p: { value: number; unit: string }): string {
  if (p.value === 0) return i18next.t('dossier.processing.sameDay');
  if (p.unit === 'calendar_days') return i18next.t('dossier.processing.calendarDays', { count: p.value });
  if (p.unit === 'working_hours') return i18next.t('dossier.processing.workingHours', { count: p.value });
  return i18next.t('dossier.processing.workingDays', { count: p.value });
}

/** 150000 → "150.000" (Vietnamese grouping; the VND sign is added by the caller). */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatVnd(n: number): string {
  return `${groupDigits(n)} đ`;
}

export function formatDue(ms: number, lang: Language): string {
  return lang === 'en' ? formatDueEn(ms) : formatDueVi(ms);
}

/** "Trễ 2 ngày 3 giờ làm việc" / "Còn 3 giờ 20 phút làm việc": the domain's one wording of lateness (counter, kiosk, dashboard). */
export function workingTimeText(remainingWorkingHours: number): string {
  return formatWorkingSpan(workingSpan(remainingWorkingHours), (k, o) => i18next.t(k, o));
}

/** "1 original · 2 certified copies · 0 photocopies", each with its plural form. */
export function docCountsText(doc: { originals: number; certifiedCopies: number; photocopies: number }): string {
  return [
    i18next.t('dossier.docCounts.originals', { count: doc.originals }),
    i18next.t('dossier.docCounts.certified', { count: doc.certifiedCopies }),
    i18next.t('dossier.docCounts.photocopies', { count: doc.photocopies }),
  ].join(' · ');
}
