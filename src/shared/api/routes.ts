import { z } from 'zod';
import * as s from './schemas';
import { calendarDateParam, calendarDayBody, calendarDayEntrySchema, calendarYearQuery, officeHoursSchema } from './calendar';
import * as c from './catalogue';
import * as d from './dossiers';
import { supervisorRoutes } from './supervisorRoutes';
import { settingsAuditRoutes } from './settingsAuditRoutes';
import { kioskScanRoutes } from './kioskScanRoutes';
import { thermalPrintingRoutes } from './thermalPrinting';
import { syncRoutes } from './syncRoutes';
import { index766Routes } from './index766';
import { formsRoutes } from './formsRoutes';
import { catalogueImportRoutes } from './catalogueImportRoutes';
import { attachmentRoutes } from './attachmentRoutes';

/**
 * The HTTP contract, one entry per endpoint: method, path (Fastify style,
 * relative to /api/v1), who may call it, and the zod schemas of its params,
 * query, body and response. The hub registers its routes from this table
 * and the renderer's client is typed from it, so the two cannot drift.
 *
 * `roles`: 'public' needs no token; otherwise the device or clerk roles allowed.
 */
export type Role = 'public' | s.DeviceRole | s.ClerkRole;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  roles: readonly Role[];
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Responses that are not JSON (PDF) set this; `response` is then unused. */
  contentType?: string;
  /** A larger body than the hub's 64 KB default (attachments). */
  bodyLimit?: number;
  /** Open to a session that must change its demo PIN first (LAN mode); every other route answers 403 PIN_CHANGE_REQUIRED. */
  beforePinChange?: true;
}

const STAFF = ['clerk', 'admin'] as const;
const ADMIN = ['admin'] as const;
const ANY_DEVICE_OR_STAFF = ['kiosk', 'display', 'counter', 'clerk', 'admin'] as const;
/** The catalogue is read where a citizen or clerk looks for a procedure; the lobby display has no use for it. */
const CATALOGUE_READERS = ['kiosk', 'clerk', 'admin'] as const;

export const routes = {
  health: { method: 'GET', path: '/health', roles: ['public'], summary: 'Liveness and versions', response: s.healthSchema },
  login: { method: 'POST', path: '/auth/login', roles: ['public'], summary: 'Clerk login with username and PIN', body: s.loginBody, response: s.loginResponse },
  logout: { method: 'POST', path: '/auth/logout', roles: STAFF, summary: 'End the clerk session (leaves the counter)', response: s.okSchema, beforePinChange: true },
  changePin: { method: 'POST', path: '/auth/change-pin', roles: STAFF, summary: "Change the logged-in clerk's own PIN (required first for a demo PIN in LAN mode)", body: s.changePinBody, response: s.okSchema, beforePinChange: true },
  me: { method: 'GET', path: '/auth/me', roles: ANY_DEVICE_OR_STAFF, summary: 'Who this token belongs to', response: s.meResponse },
  verifyAdminPin: { method: 'POST', path: '/devices/verify-admin-pin', roles: ['kiosk', 'display', 'counter'], summary: 'Check an admin PIN (leaving kiosk mode)', body: s.verifyPinBody, response: s.verifyPinResponse },
  localEnrol: { method: 'POST', path: '/devices/local-enrol', roles: ['public'], summary: 'Electron main process enrols its own windows (needs the per-launch local secret header)', body: s.localEnrolBody, response: s.pairResponse },
  pair: { method: 'POST', path: '/devices/pair', roles: ['public'], summary: 'Pair this device with a code shown in /admin', body: s.pairBody, response: s.pairResponse },

  office: { method: 'GET', path: '/office', roles: ANY_DEVICE_OR_STAFF, summary: 'Office name, agency code and day', response: s.officeSchema },
  services: { method: 'GET', path: '/services', roles: ANY_DEVICE_OR_STAFF, summary: 'Active services a ticket can be taken for', response: z.array(s.serviceSchema) },
  display: { method: 'GET', path: '/display', roles: ANY_DEVICE_OR_STAFF, summary: 'The public board', response: s.displayStateSchema },

  issueTicket: { method: 'POST', path: '/tickets', roles: ['kiosk', ...STAFF], summary: 'Take a queue ticket', body: s.issueTicketBody, response: s.issuedTicketSchema },
  ticketPdf: { method: 'GET', path: '/tickets/:id/pdf', roles: ['kiosk', ...STAFF], summary: 'The 80 mm ticket as PDF', params: s.idParam, query: s.ticketPdfQuery, response: z.unknown(), contentType: 'application/pdf' },

  procedures: { method: 'GET', path: '/procedures', roles: CATALOGUE_READERS, summary: 'Search the procedure catalogue (prefix per keystroke; case, diacritics and đ folded) or list a field', query: c.procedureSearchQuery, response: c.procedureListResponse },
  procedure: { method: 'GET', path: '/procedures/:code', roles: CATALOGUE_READERS, summary: 'One procedure with its documents, steps, fees and legal basis', params: c.procedureCodeParam, response: c.procedureDetailSchema },
  procedureFields: { method: 'GET', path: '/procedure-fields', roles: CATALOGUE_READERS, summary: 'Fields (lĩnh vực) of the catalogue with their procedure counts', response: z.array(c.procedureFieldSchema) },

  registerDossier: { method: 'POST', path: '/dossiers', roles: STAFF, summary: 'Register a received dossier (status 2 accepted): code, secret and due time from the procedure', body: d.registerDossierBody, response: d.dossierSchema },
  dossiers: { method: 'GET', path: '/dossiers', roles: STAFF, summary: "Recent dossiers, newest first, or those matching a code or the applicant's name (folded)", query: d.dossierListQuery, response: d.dossierListResponse },
  dossier: { method: 'GET', path: '/dossiers/:code', roles: STAFF, summary: 'One dossier with its documents, due time (computed now) and timeline', params: d.dossierCodeParam, response: d.dossierSchema },
  refuseDossier: { method: 'POST', path: '/dossiers/:code/refuse', roles: STAFF, summary: 'Refuse the dossier with a reason (→ 3)', params: d.dossierCodeParam, body: d.refuseDossierBody, response: d.dossierSchema },
  requestSupplement: { method: 'POST', path: '/dossiers/:code/supplement-request', roles: STAFF, summary: 'Ask for missing items (→ 5); the processing clock pauses', params: d.dossierCodeParam, body: d.supplementRequestBody, response: d.dossierSchema },
  supplementReceived: { method: 'POST', path: '/dossiers/:code/supplement-received', roles: STAFF, summary: 'The supplement arrived: back to the status before, the clock resumes', params: d.dossierCodeParam, body: d.dossierNoteBody, response: d.dossierSchema },
  withdrawDossier: { method: 'POST', path: '/dossiers/:code/withdraw', roles: STAFF, summary: "The applicant withdraws the dossier, with the reason (→ 7; processing ends)", params: d.dossierCodeParam, body: d.withdrawDossierBody, response: d.dossierSchema },
  resultReady: { method: 'POST', path: '/dossiers/:code/result-ready', roles: STAFF, summary: 'Record that the result is ready (→ 9; normally sent by the district)', params: d.dossierCodeParam, body: d.dossierNoteBody, response: d.dossierSchema },
  handBack: { method: 'POST', path: '/dossiers/:code/hand-back', roles: STAFF, summary: "Hand the result back after scanning the receipt's barcode or QR (→ 10)", params: d.dossierCodeParam, body: d.handBackBody, response: d.dossierSchema },
  dossierSlipPdf: { method: 'GET', path: '/dossiers/:code/slips/:kind', roles: STAFF, summary: 'The supplement-request, refusal or apology-and-new-date slip as PDF', params: d.dossierSlipParam, response: z.unknown(), contentType: 'application/pdf' },
  dossierApology: { method: 'POST', path: '/dossiers/:code/apology', roles: STAFF, summary: 'A late dossier: a new appointment, and the apology slip to print', params: d.dossierCodeParam, body: d.apologyBody, response: d.dossierSchema },
  printDossierDocument: { method: 'POST', path: '/dossiers/:code/print', roles: STAFF, summary: "Print a dossier's document on a printer of the hub (the OS spooler)", params: d.dossierCodeParam, body: d.printDossierBody, response: s.okSchema },
  dossierReceiptPdf: { method: 'GET', path: '/dossiers/:code/receipt.pdf', roles: STAFF, summary: 'The receipt and appointment (two copies) as PDF, to print or reprint', params: d.dossierCodeParam, query: d.receiptPdfQuery, response: z.unknown(), contentType: 'application/pdf' },

  printTicket: { method: 'POST', path: '/tickets/:id/print', roles: ['kiosk', ...STAFF], summary: 'Print the ticket on a printer of the hub (the OS spooler)', params: s.idParam, body: s.printTicketBody, response: s.okSchema },
  printers: { method: 'GET', path: '/printers', roles: STAFF, summary: "Printers the hub's spooler knows", response: z.array(s.printerSchema) },
  printTestPage: { method: 'POST', path: '/printers/test-page', roles: ADMIN, summary: 'Print an 80 mm test page', body: s.testPageBody, response: s.okSchema },

  counters: { method: 'GET', path: '/counters', roles: STAFF, summary: 'Counters and the services each serves', response: z.array(s.counterSchema) },
  openCounter: { method: 'POST', path: '/counters/:id/open', roles: STAFF, summary: 'Sit at a counter', params: s.idParam, response: s.counterStateSchema },
  counterState: { method: 'GET', path: '/counters/:id/state', roles: STAFF, summary: 'Current ticket and waiting counts', params: s.idParam, response: s.counterStateSchema },
  callNext: { method: 'POST', path: '/counters/:id/call-next', roles: STAFF, summary: 'Call the next number', params: s.idParam, response: s.counterStateSchema },
  pauseCounter: { method: 'POST', path: '/counters/:id/pause', roles: STAFF, summary: 'Pause or resume the counter', params: s.idParam, body: s.pauseBody, response: s.counterStateSchema },

  recall: { method: 'POST', path: '/tickets/:id/recall', roles: STAFF, summary: 'Announce the number again', params: s.idParam, response: s.counterStateSchema },
  noShow: { method: 'POST', path: '/tickets/:id/no-show', roles: STAFF, summary: 'The citizen did not come', params: s.idParam, response: s.counterStateSchema },
  start: { method: 'POST', path: '/tickets/:id/start', roles: STAFF, summary: 'Start serving', params: s.idParam, response: s.counterStateSchema },
  finish: { method: 'POST', path: '/tickets/:id/finish', roles: STAFF, summary: 'Finish serving', params: s.idParam, response: s.counterStateSchema },
  transfer: { method: 'POST', path: '/tickets/:id/transfer', roles: STAFF, summary: 'Send the citizen to another service, keeping number and place', params: s.idParam, body: s.transferBody, response: s.counterStateSchema },
  requeue: { method: 'POST', path: '/tickets/:id/requeue', roles: STAFF, summary: 'Put a no-show ticket back in the queue', params: s.idParam, response: s.okSchema },

  adminOffice: { method: 'PUT', path: '/admin/office', roles: ADMIN, summary: 'Office name and agency code', body: s.officeUpdateBody, response: s.officeSchema },
  adminSettings: { method: 'GET', path: '/admin/settings', roles: ADMIN, summary: 'Queue settings', response: s.queueSettingsSchema },
  adminSettingsUpdate: { method: 'PUT', path: '/admin/settings', roles: ADMIN, summary: 'Change queue settings', body: s.queueSettingsSchema, response: s.queueSettingsSchema },
  adminServices: { method: 'GET', path: '/admin/services', roles: ADMIN, summary: 'All services, inactive too', response: z.array(s.serviceSchema) },
  adminServiceCreate: { method: 'POST', path: '/admin/services', roles: ADMIN, summary: 'Add a service', body: s.serviceBody, response: s.serviceSchema },
  adminServiceUpdate: { method: 'PUT', path: '/admin/services/:id', roles: ADMIN, summary: 'Change a service', params: s.idParam, body: s.serviceBody, response: s.serviceSchema },
  adminCounterCreate: { method: 'POST', path: '/admin/counters', roles: ADMIN, summary: 'Add a counter', body: s.counterBody, response: s.counterSchema },
  adminCounterUpdate: { method: 'PUT', path: '/admin/counters/:id', roles: ADMIN, summary: 'Change a counter', params: s.idParam, body: s.counterBody, response: s.counterSchema },
  adminClerks: { method: 'GET', path: '/admin/clerks', roles: ADMIN, summary: 'Clerks', response: z.array(s.clerkSchema) },
  adminClerkCreate: { method: 'POST', path: '/admin/clerks', roles: ADMIN, summary: 'Add a clerk', body: s.clerkCreateBody, response: s.clerkSchema },
  adminClerkUpdate: { method: 'PUT', path: '/admin/clerks/:id', roles: ADMIN, summary: 'Change a clerk, reset the PIN', params: s.idParam, body: s.clerkUpdateBody, response: s.clerkSchema },
  adminDocumentSettings: { method: 'GET', path: '/admin/document-settings', roles: ADMIN, summary: 'How documents print (receipt paper)', response: s.documentSettingsSchema },
  adminDocumentSettingsUpdate: { method: 'PUT', path: '/admin/document-settings', roles: ADMIN, summary: 'Change how documents print', body: s.documentSettingsSchema, response: s.documentSettingsSchema },
  adminOfficeHours: { method: 'GET', path: '/admin/office-hours', roles: ADMIN, summary: 'Opening hours (due times count only open time)', response: officeHoursSchema },
  adminOfficeHoursUpdate: { method: 'PUT', path: '/admin/office-hours', roles: ADMIN, summary: 'Change the opening hours', body: officeHoursSchema, response: officeHoursSchema },
  adminCalendarDays: { method: 'GET', path: '/admin/calendar-days', roles: ADMIN, summary: 'Days off and swapped working days', query: calendarYearQuery, response: z.array(calendarDayEntrySchema) },
  adminCalendarDaySet: { method: 'PUT', path: '/admin/calendar-days/:date', roles: ADMIN, summary: 'Add or change a day off or a swapped working day', params: calendarDateParam, body: calendarDayBody, response: calendarDayEntrySchema },
  adminCalendarDayRemove: { method: 'DELETE', path: '/admin/calendar-days/:date', roles: ADMIN, summary: 'Remove a day from the calendar', params: calendarDateParam, response: s.okSchema },
  adminDevices: { method: 'GET', path: '/admin/devices', roles: ADMIN, summary: 'Paired devices', response: z.array(s.deviceSchema) },
  adminPairingCode: { method: 'POST', path: '/admin/pairing-codes', roles: ADMIN, summary: 'A one-time code to pair a device', body: s.pairingCodeBody, response: s.pairingCodeResponse },
  adminRevokeDevice: { method: 'DELETE', path: '/admin/devices/:id', roles: ADMIN, summary: 'Revoke a device', params: s.idParam, response: s.okSchema },
  ...supervisorRoutes,
  ...settingsAuditRoutes,
  ...kioskScanRoutes,
  ...thermalPrintingRoutes,
  ...syncRoutes,
  ...index766Routes,
  ...formsRoutes,
  ...catalogueImportRoutes,
  ...attachmentRoutes,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type InferIn<T> = T extends z.ZodType ? z.input<T> : undefined;
export type RouteParams<N extends RouteName> = Routes[N] extends { params: infer P } ? InferIn<P> : undefined;
export type RouteQuery<N extends RouteName> = Routes[N] extends { query: infer Q } ? InferIn<Q> : undefined;
export type RouteBody<N extends RouteName> = Routes[N] extends { body: infer B } ? InferIn<B> : undefined;
export type RouteResponse<N extends RouteName> = Infer<Routes[N]['response']>;

/** Fills `:id`-style placeholders; values are URI-encoded. */
export function routePath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, k: string) => {
    const v = params?.[k];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(String(v));
  });
}
