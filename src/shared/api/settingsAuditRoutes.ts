import { z } from 'zod';
import { idParam } from './schemas';
import * as a from './settingsAudit';

const ADMIN = ['admin'] as const;
const SCREENS = ['kiosk', 'display', 'counter', 'clerk', 'admin'] as const;

/**
 * Settings and users, the audit log, backups (issue 6): spread into the route
 * table of routes.ts. Same shape as every other entry there.
 */
export const settingsAuditRoutes = {
  screenSettings: { method: 'GET', path: '/screen-settings', roles: SCREENS, summary: "A screen's languages, the voice of calls, and the printer assigned to this device", response: a.screenSettingsSchema },
  adminVoiceSettings: { method: 'GET', path: '/admin/voice-settings', roles: ADMIN, summary: 'How the display speaks calls', response: a.voiceSettingsSchema },
  adminVoiceSettingsUpdate: { method: 'PUT', path: '/admin/voice-settings', roles: ADMIN, summary: 'Change how the display speaks calls', body: a.voiceSettingsSchema, response: a.voiceSettingsSchema },
  adminLanguageSettings: { method: 'GET', path: '/admin/language-settings', roles: ADMIN, summary: 'The languages of the screens', response: a.languageSettingsSchema },
  adminLanguageSettingsUpdate: { method: 'PUT', path: '/admin/language-settings', roles: ADMIN, summary: 'Change the languages of the screens', body: a.languageSettingsSchema, response: a.languageSettingsSchema },
  adminDeviceList: { method: 'GET', path: '/admin/device-list', roles: ADMIN, summary: 'Paired devices with the printer each one uses', response: z.array(a.adminDeviceSchema) },
  adminDeviceUpdate: { method: 'PUT', path: '/admin/devices/:id', roles: ADMIN, summary: 'Rename a device, set its printer', params: idParam, body: a.deviceUpdateBody, response: a.adminDeviceSchema },
  adminAudit: { method: 'GET', path: '/admin/audit', roles: ADMIN, summary: 'The audit log, newest first, filtered', query: a.auditQuery, response: a.auditPageSchema },
  adminAuditCsv: { method: 'GET', path: '/admin/audit.csv', roles: ADMIN, summary: 'The filtered audit log as CSV (UTF-8 with BOM, for Excel)', query: a.auditExportQuery, response: z.unknown(), contentType: 'text/csv' },
  adminBackups: { method: 'GET', path: '/admin/backups', roles: ADMIN, summary: 'Backup settings, status and the backups kept', response: a.backupStatusSchema },
  adminBackupSettingsUpdate: { method: 'PUT', path: '/admin/backup-settings', roles: ADMIN, summary: 'Change the backup folder, interval and retention', body: a.backupSettingsSchema, response: a.backupStatusSchema },
  adminBackupNow: { method: 'POST', path: '/admin/backups', roles: ADMIN, summary: 'Back up now (online backup, verified with quick_check)', response: a.backupSchema },
  adminBackupRestore: { method: 'POST', path: '/admin/backups/restore', roles: ADMIN, summary: 'Restore a backup: the hub checks it, answers, then restarts its store on it', body: a.restoreBody, response: a.restoreResponse },
} as const;

