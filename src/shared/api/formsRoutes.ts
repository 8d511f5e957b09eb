import { z } from 'zod';
import { dossierCodeParam, dossierSchema, receiptPdfQuery } from './dossiers';
import { dossierFormParam, formSettingsSchema, stopDossierBody, trackingBookQuery } from './forms';

/** The routes of Circular 03/2025's forms (issue 12 §1, §3), spread into the route table. */
const ADMIN = ['admin'] as const;
const STAFF = ['clerk', 'admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const formsRoutes = {
  dossierFormPdf: {
    method: 'GET',
    path: '/dossiers/:code/forms/:form',
    roles: STAFF,
    summary: 'Form 01–06 of Circular 03/2025 for the dossier, as PDF (409 when the form does not apply to it now)',
    params: dossierFormParam,
    query: receiptPdfQuery,
    response: z.unknown(),
    contentType: 'application/pdf',
  },
  stopDossier: { method: 'POST', path: '/dossiers/:code/stop', roles: STAFF, summary: 'Stop processing (→ 8) with the reason printed on form 05; a proposal the district confirms', params: dossierCodeParam, body: stopDossierBody, response: dossierSchema },
  trackingBookPdf: { method: 'GET', path: '/supervisor/tracking-book.pdf', roles: ADMIN, summary: 'Form 07, the tracking book: every dossier received from–to (office days, at most a year), as PDF', query: trackingBookQuery, response: z.unknown(), contentType: 'application/pdf' },
  trackingBookXlsx: { method: 'GET', path: '/supervisor/tracking-book.xlsx', roles: ADMIN, summary: 'Form 07, the tracking book, as an Excel workbook', query: trackingBookQuery, response: z.unknown(), contentType: XLSX },
  formSettings: { method: 'GET', path: '/admin/form-settings', roles: ADMIN, summary: 'The header every form prints (agency, parent, place) and the fee account for VietQR', response: formSettingsSchema },
  formSettingsUpdate: { method: 'PUT', path: '/admin/form-settings', roles: ADMIN, summary: 'Change the form header and the fee account', body: formSettingsSchema, response: formSettingsSchema },
} as const;
