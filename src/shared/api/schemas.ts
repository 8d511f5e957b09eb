import { z } from 'zod';
import { CONTROL_CHARS, PRIORITY_REASONS, TICKET_PREFIX_PATTERN, TICKET_STATUSES } from '../domain';

/** Human text: trimmed, NFC, no control characters, bounded. */
export const humanText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters'),
    );

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export type IdParam = z.infer<typeof idParam>;

export const okSchema = z.object({ ok: z.literal(true) });

// ---- roles and auth -------------------------------------------------------

export const DEVICE_ROLES = ['kiosk', 'display', 'counter'] as const;
export const deviceRoleSchema = z.enum(DEVICE_ROLES);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

export const CLERK_ROLES = ['clerk', 'admin'] as const;
export const clerkRoleSchema = z.enum(CLERK_ROLES);
export type ClerkRole = z.infer<typeof clerkRoleSchema>;

/** Who a request comes from, after its bearer token is checked. */
export type Principal =
  | { kind: 'device'; role: DeviceRole; deviceId: number; name: string }
  | { kind: 'clerk'; role: ClerkRole; clerkId: number; username: string; sessionId: string };

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'use 3–32 letters, digits, dot, dash or underscore');
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'PIN must be 4–8 digits');

export const loginBody = z.object({ username: usernameSchema, pin: pinSchema });
export const clerkSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: clerkRoleSchema,
  active: z.boolean(),
});
export type Clerk = z.infer<typeof clerkSchema>;
/** `pinChangeRequired`: LAN mode and a demo PIN; the session can only change the PIN (POST /auth/change-pin) or log out. */
export const loginResponse = z.object({ token: z.string(), clerk: clerkSchema, expiresAt: z.number(), pinChangeRequired: z.boolean() });
export type LoginResponse = z.infer<typeof loginResponse>;

export const meResponse = z.object({
  kind: z.enum(['device', 'clerk']),
  role: z.string(),
  name: z.string(),
  clerk: clerkSchema.optional(),
  counterId: z.number().int().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const pairBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'the pairing code has 6 digits') });
export const pairResponse = z.object({ token: z.string(), role: deviceRoleSchema, name: z.string(), deviceId: z.number().int() });
export type PairResponse = z.infer<typeof pairResponse>;

export const verifyPinBody = z.object({ pin: pinSchema });
/** The clerk's own PIN change: the current PIN again, and a new one (not a demo PIN, not the same). */
export const changePinBody = z.object({ oldPin: pinSchema, newPin: pinSchema });
export const verifyPinResponse = z.object({ ok: z.boolean() });
export const localEnrolBody = z.object({ role: deviceRoleSchema, name: humanText(60) });

// ---- office, services, counters -------------------------------------------

export const officeSchema = z.object({
  name: z.string(),
  agencyCode: z.string(),
  timeZone: z.string(),
  officeDay: z.string(),
  /** Seconds the kiosk shows a new ticket before returning to its start screen (a queue setting). */
  kioskReturnSeconds: z.number().int(),
});
export type Office = z.infer<typeof officeSchema>;

/**
 * The office's agency code. Its shape (Decision 20/2020/QĐ-TTg) is checked by the service
 * (src/main/services/agencyCodes.ts → src/shared/domain/agencyCode.ts), which refuses a wrong
 * code with the reason and a rule the screens translate.
 */
export const agencyCodeSchema = z.string().trim().min(1).max(60);
export const officeUpdateBody = z.object({ name: humanText(200), agencyCode: agencyCodeSchema });

export const serviceSchema = z.object({
  id: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceBody = z.object({
  nameVi: humanText(120),
  nameEn: humanText(120),
  prefix: z.string().trim().toUpperCase().regex(TICKET_PREFIX_PATTERN, 'prefix: 1 or 2 capital letters'),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(999).default(0),
});

export const counterSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  paused: z.boolean(),
  serviceIds: z.array(z.number().int()),
  clerkId: z.number().int().nullable(),
  clerkName: z.string().nullable(),
});
export type Counter = z.infer<typeof counterSchema>;

export const counterBody = z.object({
  number: z.number().int().min(1).max(999),
  name: humanText(60),
  active: z.boolean().default(true),
  serviceIds: z.array(z.number().int().positive()).max(50),
});

export const clerkCreateBody = z.object({
  username: usernameSchema,
  fullName: humanText(120),
  pin: pinSchema,
  role: clerkRoleSchema.default('clerk'),
});
export const clerkUpdateBody = z.object({
  fullName: humanText(120),
  role: clerkRoleSchema,
  active: z.boolean(),
  pin: pinSchema.optional(),
});

export const queueSettingsSchema = z.object({
  /** 0 = priority tickets strictly first; N = one priority ticket per N normal ones. */
  priorityInterleave: z.number().int().min(0).max(20),
  /** How many times a called number may be announced again. */
  recallLimit: z.number().int().min(0).max(10),
  /** How many times a no-show ticket may be put back in the queue when the citizen turns up. */
  requeueLimit: z.number().int().min(0).max(5),
  /** Minutes per citizen when a service has no history today. */
  defaultServiceMinutes: z.number().int().min(1).max(120),
  /** Seconds the kiosk shows the ticket before returning to the start screen. */
  kioskReturnSeconds: z.number().int().min(5).max(120),
});
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

export const deviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: deviceRoleSchema,
  createdAt: z.number(),
  lastSeenAt: z.number().nullable(),
  revoked: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;
export const pairingCodeBody = z.object({ role: deviceRoleSchema, name: humanText(60) });
export const pairingCodeResponse = z.object({ code: z.string(), role: deviceRoleSchema, name: z.string(), expiresAt: z.number() });
export type PairingCode = z.infer<typeof pairingCodeResponse>;

// ---- tickets --------------------------------------------------------------

export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const priorityReasonSchema = z.enum(PRIORITY_REASONS);

export const ticketSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  officeDay: z.string(),
  serviceId: z.number().int(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  priority: priorityReasonSchema.nullable(),
  status: ticketStatusSchema,
  issuedAt: z.number(),
  calledAt: z.number().nullable(),
  servingStartedAt: z.number().nullable(),
  counterId: z.number().int().nullable(),
  counterNumber: z.number().int().nullable(),
  recallCount: z.number().int(),
  transferCount: z.number().int(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const issueTicketBody = z.object({
  serviceId: z.number().int().positive(),
  priority: priorityReasonSchema.nullable().default(null),
});
/**
 * A ticket with what the citizen is told about their turn, from the call forecast
 * (src/shared/domain/callForecast.ts, the call rule itself). `ahead` and
 * `estimatedWaitMinutes` are null when no open counter serves the ticket's service:
 * the screens say so instead of a number. A ticket no longer waiting has 0 and 0.
 */
export const issuedTicketSchema = z.object({
  ticket: ticketSchema,
  ahead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

export const transferBody = z.object({ serviceId: z.number().int().positive() });
export const pauseBody = z.object({ paused: z.boolean() });
export const ticketPdfQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') });

// ---- printing through the hub's spooler ------------------------------------

/** An OS printer name as CUPS or Windows show it. */
export const printerNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(127)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'must not contain control characters or line breaks');
/** How the office prints its documents: the receipt on A4 landscape (two copies side by side) or A5 (a page each). */
export const documentSettingsSchema = z.object({ receiptPaper: z.enum(['A4_landscape', 'A5']) });
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;
export const printerSchema = z.object({ name: z.string(), isDefault: z.boolean() });
export const testPageBody = z.object({ printer: printerNameSchema });
export const printTicketBody = z.object({ printer: printerNameSchema.optional(), lang: z.enum(['vi', 'en']).default('vi') });

export const waitingCountSchema = z.object({
  serviceId: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  waiting: z.number().int(),
  priorityWaiting: z.number().int(),
});
export type WaitingCount = z.infer<typeof waitingCountSchema>;

export const counterStateSchema = z.object({
  counter: counterSchema,
  current: ticketSchema.nullable(),
  waiting: z.array(waitingCountSchema),
  servedToday: z.number().int(),
  settings: queueSettingsSchema,
});
export type CounterState = z.infer<typeof counterStateSchema>;

// ---- the public board -----------------------------------------------------

/** What any screen in the lobby may show: numbers and counters, never a person. */
export const displayStateSchema = z.object({
  office: officeSchema,
  counters: z.array(
    z.object({
      id: z.number().int(),
      number: z.number().int(),
      name: z.string(),
      paused: z.boolean(),
      open: z.boolean(),
      ticketNumber: z.string().nullable(),
      ticketStatus: ticketStatusSchema.nullable(),
      serviceNameVi: z.string().nullable(),
      serviceNameEn: z.string().nullable(),
    }),
  ),
  lastCalls: z.array(
    z.object({ ticketNumber: z.string(), counterNumber: z.number().int(), counterName: z.string(), at: z.number() }),
  ),
  waiting: z.array(waitingCountSchema),
  generatedAt: z.number(),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  schemaVersion: z.number().int(),
  officeDay: z.string(),
  time: z.number(),
});
export type Health = z.infer<typeof healthSchema>;
