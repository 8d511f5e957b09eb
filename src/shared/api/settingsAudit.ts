import { z } from 'zod';
import { deviceSchema, humanText, printerNameSchema } from './schemas';

// ---- voice calls on the display --------------------------------------------

export const VOICE_LANGUAGES = ['vi', 'en', 'vi_en'] as const;
export const voiceSettingsSchema = z.object({
  /** Speak calls at all (the chime still plays when off). */
  enabled: z.boolean(),
  /** vi, en, or Vietnamese then English. */
  language: z.enum(VOICE_LANGUAGES),
  /** 0–100 % of the display's output. */
  volume: z.number().int().min(0).max(100),
  /** How many times each call is spoken (a lobby is noisy). */
  repeat: z.number().int().min(1).max(3),
  /** The chime before each call. */
  chime: z.boolean(),
});
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { enabled: true, language: 'vi', volume: 80, repeat: 2, chime: true };

// ---- languages of the screens ----------------------------------------------

export const languageSettingsSchema = z.object({
  /** The language every screen starts in (and returns to after the kiosk's idle timeout). */
  defaultLanguage: z.enum(['vi', 'en']),
  /** Offer English on the screens (the language switch); off = Vietnamese only. */
  english: z.boolean(),
});
export type LanguageSettings = z.infer<typeof languageSettingsSchema>;
export const DEFAULT_LANGUAGE_SETTINGS: LanguageSettings = { defaultLanguage: 'vi', english: true };

/** What a screen reads about itself at start: its languages, the voice, and the printer the admin gave this device. */
export const screenSettingsSchema = z.object({
  languages: languageSettingsSchema,
  voice: voiceSettingsSchema,
  printer: z.string().nullable(),
});
export type ScreenSettings = z.infer<typeof screenSettingsSchema>;

// ---- devices ----------------------------------------------------------------

export const deviceUpdateBody = z.object({
  name: humanText(60),
  /** The OS printer (on the hub's spooler or the device's own) its tickets go to; null = the device's default. */
  printer: printerNameSchema.nullable(),
});
export const adminDeviceSchema = deviceSchema.extend({ printer: z.string().nullable() });
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

// ---- audit log --------------------------------------------------------------

/** Every action the log records; `settings.*` and the groups before the dot filter together. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.pin_changed',
  'clerk.created',
  'clerk.updated',
  'clerk.disabled',
  'clerk.pin_reset',
  'dossier.refused',
  'dossier.handed_back',
  'settings.office',
  'settings.queue',
  'settings.documents',
  'settings.office_hours',
  'settings.calendar_day',
  'settings.service',
  'settings.counter',
  'settings.voice',
  'settings.languages',
  'settings.backups',
  'settings.kiosk',
  'settings.supervisor',
  'settings.catalogue',
  'settings.digitising',
  'device.pairing_code',
  'device.paired',
  'device.updated',
  'device.revoked',
  'backup.created',
  'backup.restored',
  'backup.restore_failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_GROUPS = ['auth', 'clerk', 'dossier', 'settings', 'device', 'backup'] as const;

const epochMs = z.coerce.number().int().min(0).max(8.64e15);
export const auditQuery = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    /** An action or a group ("settings"). */
    action: z.enum([...AUDIT_ACTIONS, ...AUDIT_GROUPS]).optional(),
    /** The username or device name, exactly (case folded). */
    actor: z.string().trim().min(1).max(60).optional(),
    actorKind: z.enum(['clerk', 'device', 'system', 'anonymous']).optional(),
    /** Text in the target or the details. */
    q: z.string().trim().min(1).max(100).optional(),
    /** Page backwards: entries with an id below this. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: '"from" must be before "to"', path: ['to'] });
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditExportQuery = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    action: z.enum([...AUDIT_ACTIONS, ...AUDIT_GROUPS]).optional(),
    actor: z.string().trim().min(1).max(60).optional(),
    actorKind: z.enum(['clerk', 'device', 'system', 'anonymous']).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: '"from" must be before "to"', path: ['to'] });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  action: z.string(),
  actorKind: z.enum(['clerk', 'device', 'system', 'anonymous']),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() });

// ---- backups ----------------------------------------------------------------

/** An absolute folder path (POSIX or Windows), no control characters. */
export const folderPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(400)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
  .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'), 'must be a full path, e.g. D:\\MotCua-backups or /mnt/backup/motcua');

export const backupSettingsSchema = z.object({
  /** Scheduled backups on or off ("back up now" always works). */
  enabled: z.boolean(),
  /** The second folder, meant for another disk; null = the data folder's own "backups" (same disk: a warning shows). */
  folder: folderPathSchema.nullable(),
  intervalHours: z.number().int().min(1).max(168),
  /** How many backups to keep; older ones are deleted after each new one is verified. */
  keep: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, folder: null, intervalHours: 4, keep: 30 };

/** motcua-20261201-154500Z.sqlite (the UTC time it was taken); "-manual" when an admin asked for it. */
export const BACKUP_FILE_PATTERN = /^motcua-(\d{8})-(\d{6})Z(-manual)?\.sqlite$/;
export const backupFileSchema = z.string().trim().regex(BACKUP_FILE_PATTERN, 'not a backup file name, e.g. motcua-20261201-154500Z.sqlite');

export const backupSchema = z.object({ file: z.string(), takenAt: z.number(), size: z.number(), manual: z.boolean() });
export type BackupInfo = z.infer<typeof backupSchema>;

/** The durable marker a restore leaves for sync (settings key `restoredFromBackup`): re-enrol with the district server, then clear it. */
export const restoreMarkerSchema = z.object({
  restoredAt: z.number(),
  backupTakenAt: z.number(),
  backupFile: z.string(),
  /** Where the replaced store was kept (a folder next to the store). */
  replacedStoreKeptIn: z.string().nullable(),
  by: z.string().nullable(),
});
export type RestoreMarker = z.infer<typeof restoreMarkerSchema>;

export const backupStatusSchema = z.object({
  settings: backupSettingsSchema,
  /** The folder backups go to now (the setting, or the default). */
  folder: z.string(),
  /** The folder is on the same disk as the store: a disk failure would take both. */
  sameDisk: z.boolean(),
  running: z.boolean(),
  lastError: z.object({ at: z.number(), message: z.string() }).nullable(),
  nextDueAt: z.number().nullable(),
  backups: z.array(backupSchema),
  restoredFromBackup: restoreMarkerSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
export const restoreBody = z.object({ file: backupFileSchema });
export const restoreResponse = z.object({ ok: z.literal(true), restarting: z.literal(true), backup: backupSchema });
