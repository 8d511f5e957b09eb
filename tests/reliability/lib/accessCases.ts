/**
 * The access rules as data, so a route added by another branch gets its case by
 * one line here (the route table itself is iterated by the tests).
 */
import type { RouteName } from '../../../src/shared/api';

/**
 * Every route a device token may call. A staff route that a device could reach
 * would appear in the route table with a device role and fail the test until it
 * is added here on purpose.
 */
export const DEVICE_ROUTES: Record<'kiosk' | 'display' | 'counter', readonly RouteName[]> = {
  kiosk: [
    'me', 'verifyAdminPin', 'office', 'services', 'display', 'issueTicket', 'ticketPdf', 'procedures', 'procedure', 'procedureFields', 'printTicket',
    // The citizen's receipt look-up and the kiosk's own settings.
    'kioskDossierLookup', 'kioskSettings',
    // Whether its thermal printer can print, asked before a number is issued (issue 14).
    'kioskPrinterStatus',
    // A kiosk may be the rating screen; the hub decides what may be rated.
    'ratingPrompt', 'submitRating',
    'screenSettings',
  ],
  display: ['me', 'verifyAdminPin', 'office', 'services', 'display', 'screenSettings'],
  // A counter device is the small rating screen at the counter; the counter screen shows the sync indicator.
  counter: ['me', 'verifyAdminPin', 'office', 'services', 'display', 'ratingPrompt', 'submitRating', 'screenSettings', 'syncStatus'],
};

export type Caller = 'none' | 'kiosk' | 'clerk';

/** One secret-guessing route: how to make a wrong attempt and the right one, and by when it must be throttled. */
export interface GuessCase {
  name: string;
  route: RouteName;
  caller: Caller;
  /** Path parameters and body of the i-th wrong guess. */
  wrong: (i: number, ctx: GuessContext) => { params?: Record<string, string>; body?: unknown };
  /** The right secret: refused too once throttled. */
  right: (ctx: GuessContext) => Promise<{ params?: Record<string, string>; body?: unknown }> | { params?: Record<string, string>; body?: unknown };
  /** Wrong attempts after which every attempt must be refused. */
  throttledWithin: number;
  /** Whether an answer says the guess was right (default: any 2xx). */
  isHit?: (status: number, body: any) => boolean;
  /** Status codes of a throttled answer. */
  throttled: readonly number[];
  /** Tables or columns a wrong attempt writes on purpose (`['*']`: the whole table). */
  writes?: Record<string, readonly string[]>;
}

export interface GuessContext {
  dossierCode: string;
  pairingCode: () => Promise<string>;
}

const digits = (i: number, n: number) => String(100000 + ((i * 7919) % 900000)).slice(-n);

export const GUESSING_CASES: readonly GuessCase[] = [
  {
    name: 'a clerk PIN at login (the account locks)',
    route: 'login',
    caller: 'none',
    wrong: (i) => ({ body: { username: 'canbo1', pin: digits(i, 6) === '111111' ? '999999' : digits(i, 6) } }),
    right: () => ({ body: { username: 'canbo1', pin: '111111' } }),
    throttledWithin: 5,
    throttled: [423, 429],
    // Each failed login is an audited event (who tried, from where).
    writes: { audit_log: ['*'] },
  },
  {
    name: "a clerk's own PIN, given again to change it (the account locks)",
    route: 'changePin',
    caller: 'clerk',
    wrong: (i) => ({ body: { oldPin: digits(i, 6) === '111111' ? '999999' : digits(i, 6), newPin: '975310' } }),
    right: () => ({ body: { oldPin: '111111', newPin: '975310' } }),
    throttledWithin: 5,
    throttled: [423, 429],
    // Each wrong PIN is audited as a failed login is.
    writes: { audit_log: ['*'] },
  },
  {
    name: 'the admin PIN to leave kiosk mode',
    route: 'verifyAdminPin',
    caller: 'kiosk',
    wrong: (i) => ({ body: { pin: digits(i, 6) === '123456' ? '999999' : digits(i, 6) } }),
    right: () => ({ body: { pin: '123456' } }),
    isHit: (status, body) => status === 200 && body.ok === true,
    throttledWithin: 10,
    throttled: [429],
  },
  {
    name: 'a pairing code',
    route: 'pair',
    caller: 'none',
    wrong: (i) => ({ body: { code: digits(i, 6) } }),
    right: async (ctx) => ({ body: { code: await ctx.pairingCode() } }),
    throttledWithin: 10,
    throttled: [429],
  },
  {
    name: 'a dossier code, looked up at the counter',
    route: 'dossier',
    caller: 'clerk',
    wrong: (i, ctx) => ({ params: { code: ctx.dossierCode.replace(/\d{4}$/, String(5000 + i).padStart(4, '0')) } }),
    right: (ctx) => ({ params: { code: ctx.dossierCode } }),
    throttledWithin: 20,
    throttled: [429],
  },
  {
    name: 'a dossier code, by printing its receipt',
    route: 'dossierReceiptPdf',
    caller: 'clerk',
    wrong: (i, ctx) => ({ params: { code: ctx.dossierCode.replace(/\d{4}$/, String(7000 + i).padStart(4, '0')) } }),
    right: (ctx) => ({ params: { code: ctx.dossierCode } }),
    throttledWithin: 20,
    throttled: [429],
  },
  {
    name: 'a dossier code, typed at the kiosk',
    route: 'kioskDossierLookup',
    caller: 'kiosk',
    wrong: (i, ctx) => ({ body: { scanned: ctx.dossierCode.replace(/\d{4}$/, String(3000 + i).padStart(4, '0')), via: 'keypad' } }),
    right: (ctx) => ({ body: { scanned: ctx.dossierCode, via: 'keypad' } }),
    throttledWithin: 5,
    throttled: [429],
  },
];
