import { figuresQuery, figuresSchema, alertsSchema, ratingBody, ratingPromptQuery, ratingPromptSchema, ratingRecordSchema, reportQuery, supervisorSettingsBody, supervisorSettingsSchema } from './supervisor';
import { z } from 'zod';

/** The supervisor's routes (issue 6), spread into the route table. */
const ADMIN = ['admin'] as const;
const STAFF = ['clerk', 'admin'] as const;
/** The rating screen runs on a tablet paired as a counter device, or on the kiosk. */
const RATING_DEVICES = ['counter', 'kiosk'] as const;

export const supervisorRoutes = {
  figures: { method: 'GET', path: '/supervisor/figures', roles: ADMIN, summary: 'Figures over office days from–to (inclusive): tickets, waits, dossiers, ratings, the overdue list', query: figuresQuery, response: figuresSchema },
  figuresXlsx: {
    method: 'GET',
    path: '/supervisor/report.xlsx',
    roles: ADMIN,
    summary: 'The figures as an Excel workbook',
    query: reportQuery,
    response: z.unknown(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  figuresPdf: { method: 'GET', path: '/supervisor/report.pdf', roles: ADMIN, summary: 'The figures as a printable PDF report', query: reportQuery, response: z.unknown(), contentType: 'application/pdf' },
  alerts: { method: 'GET', path: '/supervisor/alerts', roles: STAFF, summary: 'Thresholds crossed now (waiting, longest wait, dossiers due today)', response: alertsSchema },
  supervisorSettings: { method: 'GET', path: '/admin/supervisor-settings', roles: ADMIN, summary: 'Alert thresholds and rating options', response: supervisorSettingsSchema },
  supervisorSettingsUpdate: { method: 'PUT', path: '/admin/supervisor-settings', roles: ADMIN, summary: 'Change alert thresholds and rating options', body: supervisorSettingsBody, response: supervisorSettingsSchema },
  ratingPrompt: { method: 'GET', path: '/ratings/prompt', roles: RATING_DEVICES, summary: 'What the citizen at this counter may rate now (a finished ticket or a result handed back), if anything', query: ratingPromptQuery, response: ratingPromptSchema },
  submitRating: { method: 'POST', path: '/ratings', roles: RATING_DEVICES, summary: 'The citizen rates the service (once per ticket or dossier)', body: ratingBody, response: ratingRecordSchema },
} as const;
