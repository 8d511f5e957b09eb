import { z } from 'zod';
import { ATTACHMENT_SYNC_ERROR_CODES } from './syncAttachments';

/**
 * The sync protocol between an office hub and the district server
 * (docs/sync-protocol.md). Both ends parse every message with these schemas.
 *
 * Ids the hub makes itself are UUIDs (tickets, ratings, mutations); a dossier
 * is named by its code, which is already unique without asking anyone
 * (agency code + day + sequence). Local SQLite integers never leave the hub.
 */
export const SYNC_PROTOCOL_VERSION = 1;
/** The shape of the data inside the messages (mutation payloads, pulled rows). */
export const SYNC_SCHEMA_VERSION = 1;
export const SYNC_PREFIX = '/sync/v1';

export const SYNC_HEADERS = {
  protocol: 'x-motcua-protocol',
  schema: 'x-motcua-schema',
  hub: 'x-motcua-hub',
  timestamp: 'x-motcua-timestamp',
  nonce: 'x-motcua-nonce',
  signature: 'x-motcua-signature',
  /** On every answer: the server's clock, so a hub whose clock is wrong signs with the server's time. */
  serverTime: 'x-motcua-server-time',
} as const;

/** How far a signed request's timestamp may be from the server's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export const SYNC_ERROR_CODES = [
  'VERSION_UNSUPPORTED',
  'BAD_SIGNATURE',
  'CLOCK_SKEW',
  'REPLAYED',
  'UNKNOWN_HUB',
  'HUB_MISMATCH',
  'EPOCH_RETIRED',
  'INVALID_ENROLMENT_CODE',
  'SEQ_GAP',
  'DIVERGED',
  'CURSOR_RESET',
  'UNKNOWN_DOSSIER',
  'UNAVAILABLE',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'NOT_FOUND',
  'INTERNAL',
  ...ATTACHMENT_SYNC_ERROR_CODES,
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

const uuid = z.uuid();
const ms = z.number().int().min(0).max(8_640_000_000_000_000);
const dossierCode = z.string().min(5).max(60);
const shortText = (max: number) => z.string().max(max);

// ---- mutation payloads (hub-owned data) -------------------------------------------------

export const ticketIssuedPayload = z.object({
  id: uuid,
  officeDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  number: shortText(20),
  serviceCode: shortText(20),
  priority: z.enum(['elderly', 'disability', 'pregnant', 'small_child']).nullable(),
  source: z.enum(['kiosk', 'counter']),
  issuedAt: ms,
});
export const ticketClosedPayload = z.object({
  id: uuid,
  status: z.enum(['done', 'no_show', 'cancelled']),
  counterNumber: z.number().int().nullable(),
  calledAt: ms.nullable(),
  servingStartedAt: ms.nullable(),
  finishedAt: ms.nullable(),
});

const documentPayload = z.object({
  nameVi: shortText(500),
  nameEn: shortText(500).nullable(),
  originals: z.number().int().min(0).max(20),
  certifiedCopies: z.number().int().min(0).max(20),
  photocopies: z.number().int().min(0).max(20),
  received: z.boolean(),
});
export const dossierReceivedPayload = z.object({
  code: dossierCode,
  procedureCode: shortText(40),
  procedureNameVi: shortText(1000),
  applicantName: shortText(200),
  applicantIdType: z.enum(['cccd', 'passport']),
  applicantIdNumber: shortText(20),
  applicantPhone: shortText(30),
  applicantAddress: shortText(500),
  sets: z.number().int().min(1).max(20),
  feeCollected: z.number().int().min(0),
  resultDelivery: z.enum(['counter', 'post']),
  acceptedAt: ms,
  dueAt: ms,
  ticketId: uuid.nullable(),
  clerkName: shortText(200).nullable(),
  documents: z.array(documentPayload).max(100),
  /** 1 in person, 3 public postal service (online dossiers, 2, are the district's own). Absent before issue 12: in person. */
  channel: z.union([z.literal(1), z.literal(3)]).default(1),
});
/** A transition the hub owns (refusal, supplement request and its arrival, the applicant's withdrawal, hand-back, result ready at the counter). */
export const dossierTransitionPayload = z.object({
  code: dossierCode,
  to: z.enum(['refused', 'supplement_requested', 'supplement_received', 'withdrawn', 'result_ready', 'handed_over', 'stopped']),
  at: ms,
  note: shortText(2000).nullable(),
  items: z.array(shortText(500)).max(50).nullable(),
});
export const dossierAppointmentPayload = z.object({ code: dossierCode, at: ms, newDueAt: ms, reason: shortText(2000) });
export const ratingRecordPayload = z.object({
  id: uuid,
  ticketId: uuid.nullable(),
  dossierCode: dossierCode.nullable(),
  clerkId: z.number().int().nullable(),
  counterId: z.number().int().nullable(),
  level: z.enum(['very_satisfied', 'satisfied', 'unsatisfied']),
  criteria: z.record(z.string().max(60), z.union([z.literal(0), z.literal(1), z.literal(2)])).nullable(),
  createdAt: ms,
});

export const MUTATION_PAYLOADS = {
  'ticket.issued': ticketIssuedPayload,
  'ticket.closed': ticketClosedPayload,
  'dossier.received': dossierReceivedPayload,
  'dossier.transition': dossierTransitionPayload,
  'dossier.appointment': dossierAppointmentPayload,
  'rating.record': ratingRecordPayload,
} as const;
export type MutationKind = keyof typeof MUTATION_PAYLOADS;
export type MutationPayload<K extends MutationKind> = z.infer<(typeof MUTATION_PAYLOADS)[K]>;
export const MUTATION_KINDS = Object.keys(MUTATION_PAYLOADS) as MutationKind[];

/** On the wire the payload is checked against its kind by the server, so one bad row is rejected alone, not the batch. */
export const mutationSchema = z.object({
  seq: z.number().int().min(1),
  id: uuid,
  kind: z.string().max(40),
  payload: z.unknown(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushBody = z.object({
  hubId: uuid,
  epoch: z.number().int().min(1),
  mutations: z.array(mutationSchema).min(1).max(500),
});
export type PushBody = z.infer<typeof pushBody>;

export const mutationResultSchema = z.object({
  seq: z.number().int(),
  id: uuid,
  status: z.enum(['applied', 'rejected']),
  /** The stored result came back: this mutation had already been applied (a retry). */
  duplicate: z.boolean(),
  reason: z.string().nullable(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponse = z.object({
  results: z.array(mutationResultSchema),
  /** Set when the batch stopped at a gap: the seq the server expects next. */
  expectedSeq: z.number().int().nullable(),
  /** The last seq of this epoch the server holds: a hub whose outbox ends before it was restored from a backup. */
  lastSeq: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponse>;

// ---- pulled data (server-owned) ---------------------------------------------------------

export const COLLECTIONS = ['dossier', 'procedure', 'calendar_day', 'notice'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/**
 * What the portal received for an online dossier (channel 2): the hub has no
 * row of its own for it, so it makes one from this (docs/sync-protocol.md).
 */
export const onlineApplicationSchema = z.object({
  procedureCode: shortText(40),
  procedureNameVi: shortText(1000),
  procedureNameEn: shortText(1000).default(''),
  processingValue: z.number().int().min(0).max(365),
  processingUnit: z.enum(['working_days', 'working_hours', 'calendar_days']),
  applicantName: shortText(200),
  applicantIdType: z.enum(['cccd', 'passport']),
  applicantIdNumber: shortText(20),
  applicantPhone: shortText(30),
  applicantEmail: shortText(254).nullable().default(null),
  applicantAddress: shortText(500),
  acceptedAt: ms,
  feeVnd: z.number().int().min(0).default(0),
  documents: z.array(documentPayload).max(100).default([]),
});
export type OnlineApplication = z.infer<typeof onlineApplicationSchema>;

/** The server-owned fields of a dossier. */
export const districtDossierSchema = z.object({
  code: dossierCode,
  status: z.number().int().min(1).max(10),
  stage: z.string().nullable(),
  department: z.string().nullable(),
  handler: z.string().nullable(),
  dueAt: ms.nullable(),
  resultReadyAt: ms.nullable(),
  supplementItems: z.array(z.string()).nullable(),
  note: z.string().nullable(),
  /** Whether the fee was paid, as the account holder reports it (issue 12 §3); absent from older servers = not said. */
  paymentStatus: z.enum(['unpaid', 'paid']).nullable().optional(),
  updatedAt: ms,
  /** 1 in person, 2 online, 3 postal; absent from servers before issue 12 (in person). */
  channel: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  /** DuocThanhToanTrucTuyen: 0 not paid online, 1 on the national portal, 2 on the province's payment gateway. */
  paidOnline: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  /** Only for channel 2: what the portal received. */
  online: onlineApplicationSchema.nullable().default(null),
});
export type DistrictDossier = z.infer<typeof districtDossierSchema>;

export const noticeSchema = z.object({ id: z.string(), titleVi: z.string(), titleEn: z.string(), bodyVi: z.string(), bodyEn: z.string(), publishedAt: ms });

export const changeSchema = z.object({
  seq: z.number().int(),
  collection: z.enum(COLLECTIONS),
  key: z.string(),
  /** null = deleted */
  data: z.unknown().nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullQuery = z.object({ cursor: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(1000) });
export const pullResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changes'), changes: z.array(changeSchema), cursor: z.number().int(), hasMore: z.boolean() }),
  /** The server can no longer serve this cursor: download a snapshot. */
  z.object({ kind: z.literal('reset'), reason: z.string() }),
]);
export type PullResponse = z.infer<typeof pullResponse>;

/** A snapshot is read page by page at one fixed `asOf` seq; then pulling continues from `asOf`. */
export const snapshotQuery = z.object({
  collection: z.enum(COLLECTIONS),
  after: z.string().max(200).default(''),
  asOf: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(5000),
});
export const snapshotResponse = z.object({
  collection: z.enum(COLLECTIONS),
  asOf: z.number().int(),
  rows: z.array(z.object({ key: z.string(), data: z.unknown() })),
  next: z.string().nullable(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponse>;

export const digestResponse = z.object({
  cursor: z.number().int(),
  collections: z.array(z.object({ collection: z.enum(COLLECTIONS), count: z.number().int(), hash: z.string() })),
});
export type DigestResponse = z.infer<typeof digestResponse>;

// ---- enrolment --------------------------------------------------------------------------

export const enrolBody = z.object({
  code: z.string().trim().min(6).max(64),
  /** The hub's Ed25519 public key (SPKI, PEM). The private key never leaves the hub. */
  publicKey: z.string().min(40).max(2000),
  hubName: z.string().min(1).max(200),
});
export const enrolResponse = z.object({
  hubId: uuid,
  officeId: z.string(),
  officeName: z.string(),
  epoch: z.number().int().min(1),
  serverTime: ms,
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/** A restored hub asks for a new epoch; the server lists what it already holds from this hub. */
export const reepochBody = z.object({ hubId: uuid, knownMutationIds: z.array(uuid).max(100_000) });
export const reepochResponse = z.object({
  epoch: z.number().int().min(2),
  /** Of the hub's mutation ids, those the server has (applied or rejected): mark them done, never resend. */
  alreadyHave: z.array(z.object({ id: uuid, status: z.enum(['applied', 'rejected']), reason: z.string().nullable() })),
  /** Mutations the server holds that the hub no longer knows (made after its backup): the hub records them. */
  lostOnHub: z.array(z.object({ id: uuid, kind: z.string(), payload: z.unknown() })),
});
export type ReepochResponse = z.infer<typeof reepochResponse>;

export const lookupResponse = z.object({ dossier: districtDossierSchema, seq: z.number().int(), asOf: ms });
export const helloResponse = z.object({ hubId: uuid, epoch: z.number().int(), lastSeq: z.number().int(), serverTime: ms });

export const syncErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

// ---- the hub's own API: sync status and set-up -----------------------------------------

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  hubId: z.string().nullable(),
  officeName: z.string().nullable(),
  epoch: z.number().int().nullable(),
  online: z.boolean(),
  updateRequired: z.boolean(),
  lastPushAt: ms.nullable(),
  lastPullAt: ms.nullable(),
  lastContactAt: ms.nullable(),
  cursor: z.number().int(),
  outboxDepth: z.number().int(),
  oldestPendingAt: ms.nullable(),
  rejectedCount: z.number().int(),
  lastError: z.string().nullable(),
  lastDigestOk: z.boolean().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncEnrolBody = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).max(500),
  code: z.string().trim().min(6).max(64),
});
export const rejectedMutationSchema = z.object({ seq: z.number().int(), id: z.string(), kind: z.string(), summary: z.string(), reason: z.string().nullable(), createdAt: ms, resolvedAt: ms.nullable() });
export const rejectedListResponse = z.object({ items: z.array(rejectedMutationSchema) });

/**
 * The text a hub signs (Ed25519) and the server verifies: method, path with
 * query, timestamp, nonce, the body's SHA-256 (hex) and the protocol version.
 */
export function signingString(parts: { method: string; path: string; timestamp: string; nonce: string; bodySha256: string }): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.bodySha256, String(SYNC_PROTOCOL_VERSION)].join('\n');
}
