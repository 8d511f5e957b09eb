import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { DEMO, startTestHub, type TestHub } from '../../helpers/hub';
import { bodyCases, edgeString, encodeSegment, fromSchema, pathValue, type BodyCase } from './arbitraries';
import { tempDataDir } from './hubProcess';
import type { Operation, ParamSpec } from './openapi';
import { StoreWatch } from './storeSnapshot';
import { dossierBody } from './client';

/** Every kind of caller the fuzzer impersonates. */
export const TOKEN_KINDS = ['none', 'garbage', 'expired', 'revoked', 'kiosk', 'display', 'counter', 'clerk', 'admin'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export const ROLE_TOKENS: readonly TokenKind[] = ['kiosk', 'display', 'counter', 'clerk', 'admin'];

/**
 * A small office prepared once and copied for every operation, so each route
 * is fuzzed on the same store (a successful admin request that revokes a device
 * or changes a PIN cannot spoil the next route's run). Its clock stands still
 * 13 hours after a first login, so that session is expired.
 */
export interface FuzzOffice {
  pristineDir: string;
  now: number;
  tokens: Record<TokenKind, string | undefined>;
  /** Known good values for path parameters, by parameter name. */
  known: Record<string, string[]>;
  dispose(): void;
}

const T0 = Date.parse('2026-12-01T07:30:00+07:00');
const HOUR = 3_600_000;

export async function makeFuzzOffice(): Promise<FuzzOffice> {
  let now = T0;
  const pristineDir = tempDataDir('motcua-fuzz-pristine-');
  const hub = await startTestHub({ dataDir: pristineDir, clock: () => now });
  try {
    const expired = await hub.login(DEMO.clerk2[0], DEMO.clerk2[1]);
    now = T0 + 13 * HOUR; // 20:30 the same office day: canbo2's 12-hour session is over
    const admin = await hub.login();
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    await hub.api('POST', '/counters/5/open', { token: clerk });
    const kiosk = await hub.pairDevice('kiosk');
    const display = await hub.pairDevice('display');
    const counter = await hub.pairDevice('counter');
    const revoked = await hub.pairDevice('kiosk', 'Revoked kiosk');
    const devices = (await hub.api('GET', '/admin/devices', { token: admin })).body as { id: number; name: string }[];
    await hub.api('DELETE', `/admin/devices/${devices.find((d) => d.name === 'Revoked kiosk')!.id}`, { token: admin });
    const ticketIds: string[] = [];
    for (const serviceId of [1, 2, 1]) ticketIds.push(String((await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId } })).body.ticket.id));
    await hub.api('POST', '/counters/5/call-next', { token: clerk });
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody(i) });
      if (r.status !== 200) throw new Error(`fuzz office: dossier ${JSON.stringify(r.body)}`);
      codes.push(r.body.code);
    }
    await hub.api('POST', `/dossiers/${codes[0]}/result-ready`, { token: clerk, body: {} });
    return {
      pristineDir,
      now,
      tokens: { none: undefined, garbage: 's_' + 'A'.repeat(43), expired, revoked, kiosk, display, counter, clerk, admin },
      known: {
        id: ['1', '2', '3', '5', ...ticketIds],
        code: [...codes, codes[0]!.toLowerCase(), ` ${codes[1]} `],
        date: ['2026-12-24', '2026-02-30', '2027-01-01'],
        kind: ['supplement', 'refusal', 'apology'],
      },
      dispose: () => fs.rmSync(pristineDir, { recursive: true, force: true }),
    };
  } finally {
    await hub.close();
  }
}

/** A copy of the pristine office running in this process. */
export async function startFuzzHub(office: FuzzOffice): Promise<TestHub & { dispose(): Promise<void> }> {
  const dataDir = tempDataDir('motcua-fuzz-');
  fs.cpSync(office.pristineDir, dataDir, { recursive: true });
  const hub = await startTestHub({ dataDir, clock: () => office.now });
  return {
    ...hub,
    async dispose() {
      await hub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Bodies that pass validation and the services' own checks, per operation: the fuzzer mutates them
 * so it reaches past the schema (a random CCCD or procedure code never does). One line per route.
 */
export const KNOWN_BODIES: Record<string, unknown[]> = {
  registerDossier: [dossierBody(11), { ...dossierBody(12), resultDelivery: 'post', postalAddress: 'Số 2 phố Huế, Hà Nội', owner: { fullName: 'Trần Thị Bình', idType: 'passport', idNumber: 'C1234567' } }],
  issueTicket: [{ serviceId: 1 }, { serviceId: 2, priority: 'elderly' }],
  login: [{ username: 'canbo1', pin: '111111' }],
  verifyAdminPin: [{ pin: '123456' }],
  refuseDossier: [{ reason: 'Thiếu tờ khai' }],
  requestSupplement: [{ items: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' }],
  supplementReceived: [{ note: 'Đã nhận' }],
  resultReady: [{ note: 'Kết quả đã ký' }],
  dossierApology: [{ reason: 'Chậm do thẩm định', newDueAt: Date.parse('2026-12-10T10:00:00+07:00') }],
  transfer: [{ serviceId: 2 }],
  pauseCounter: [{ paused: true }, { paused: false }],
  adminClerkCreate: [{ username: 'canbo9', fullName: 'Lê Văn Chín', pin: '135790', role: 'clerk' }],
  adminCounterCreate: [{ number: 9, name: 'Quầy 9', active: true, serviceIds: [1, 2] }],
  adminServiceCreate: [{ nameVi: 'Dịch vụ mới', nameEn: 'New service', prefix: 'F', active: true }],
  adminPairingCode: [{ role: 'kiosk', name: 'Kiosk 2' }],
  adminCalendarDaySet: [{ kind: 'holiday', nameVi: 'Nghỉ bù', nameEn: 'Day off' }],
};

export interface FuzzRequest {
  token: TokenKind;
  params: string[];
  query: [string, string][];
  body: BodyCase;
}

function queryArb(specs: readonly ParamSpec[]): fc.Arbitrary<[string, string][]> {
  const one = (s: ParamSpec) =>
    fc.option(
      fc.oneof(
        fromSchema(s.schema).map((v) => [s.name, String(v)] as [string, string]),
        edgeString.map((v) => [s.name, v] as [string, string]),
      ),
      { nil: undefined },
    );
  return fc
    .tuple(fc.tuple(...specs.map(one)), fc.option(fc.tuple(fc.constantFrom('limit', 'q', 'access_token', '__proto__', 'x'), edgeString), { nil: undefined }))
    .map(([vals, extra]) => [...vals.filter((v): v is [string, string] => v !== undefined), ...(extra ? [extra] : [])]);
}

export function requestArb(op: Operation, office: FuzzOffice): fc.Arbitrary<FuzzRequest> {
  // Callers the route admits get most runs, so bodies reach the handlers; every other caller is tried too.
  const allowed = op.roles === null ? ROLE_TOKENS : ROLE_TOKENS.filter((t) => op.roles!.includes(t));
  const token = fc.oneof(
    { weight: 4, arbitrary: allowed.length ? fc.constantFrom(...allowed) : fc.constantFrom<TokenKind>(...TOKEN_KINDS) },
    { weight: 2, arbitrary: fc.constantFrom<TokenKind>(...TOKEN_KINDS) },
  );
  const params = op.pathParams.length ? fc.tuple(...op.pathParams.map((p) => pathValue(p.schema, office.known[p.name] ?? []))) : fc.constant([] as string[]);
  const body = op.method === 'GET' ? fc.constant<BodyCase>({ kind: 'none' }) : bodyCases(op.body, KNOWN_BODIES[op.operationId] ?? []);
  return fc.record({ token, params, query: queryArb(op.query), body });
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

export function urlOf(op: Operation, req: FuzzRequest): string {
  let i = 0;
  const p = op.path.replace(/\{[^}]+\}/g, () => encodeSegment(req.params[i++] ?? ''));
  const q = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeSegment(v)}`).join('&');
  return q ? `${p}?${q}` : p;
}

/** Sends exactly the bytes asked for (node:http, so content types and broken JSON go through as they are). */
export function send(base: string, op: Operation, req: FuzzRequest, token: string | undefined): Promise<FuzzAnswer> {
  const headers: Record<string, string | number> = {};
  let payload: string | undefined;
  if (req.body.kind === 'json') {
    payload = JSON.stringify(req.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (req.body.kind === 'raw') {
    payload = req.body.text;
    headers['content-type'] = req.body.contentType ?? 'application/json';
  }
  headers['content-length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const r = http.request(base + urlOf(op, req), { method: op.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const contentType = String(res.headers['content-type'] ?? '');
        const text = contentType.includes('json') ? Buffer.concat(chunks).toString('utf8') : '';
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, contentType, text, json });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(payload);
  });
}

/** Store columns a rejected request may write, and why. */
export function ignoredColumns(op: Operation): Record<string, string[]> {
  return {
    // Authenticating a device notes the minute it was last seen (for the admin's device list).
    devices: ['last_seen_at'],
    // A wrong PIN is counted towards the lockout: that write is the throttle itself;
    // and a failed login is an audited event (who tried, from where), written on purpose;
    // the current PIN given again to change it counts and is audited the same way.
    ...(op.operationId === 'login' || op.operationId === 'changePin' ? { clerks: ['failed_attempts', 'locked_until'], audit_log: ['*'] } : {}),
  };
}

export const dbFileOf = (hub: TestHub) => path.join(hub.dataDir, 'motcua.sqlite');
export { StoreWatch };
