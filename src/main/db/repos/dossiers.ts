import type { Db } from '../open';

export interface DossierRow {
  id: number;
  code: string;
  secret: string;
  office_day: string;
  seq: number;
  procedure_code: string;
  procedure_name_vi: string;
  procedure_name_en: string;
  /** Migration 21: the level and catalogue version the dossier was received under. */
  procedure_level?: 'province' | 'commune' | 'district' | null;
  procedure_version?: number | null;
  processing_value: number;
  processing_unit: 'working_days' | 'working_hours' | 'calendar_days';
  processing_hours: number;
  applicant_name: string;
  applicant_id_type: 'cccd' | 'passport';
  applicant_id_number: string;
  applicant_phone: string;
  applicant_email: string | null;
  applicant_address: string;
  owner: string | null;
  sets: number;
  fee_collected: number;
  /** Migration 20: pulled from the district. */
  payment_status: 'unpaid' | 'paid' | null;
  result_delivery: 'counter' | 'post';
  postal_address: string | null;
  notes: string;
  status: number;
  accepted_at: number;
  due_at: number;
  stage: string | null;
  department: string | null;
  clerk_id: number | null;
  clerk_name: string | null;
  counter_id: number | null;
  ticket_id: number | null;
  ticket_number: string | null;
  book_year: number;
  book_number: number;
  created_at: number;
  updated_at: number;
  /** 1 in person, 2 online, 3 public postal service (migration 22). */
  channel: number;
  has_fee: number;
  paid_online: number;
}

export interface NewDossier {
  code: string;
  secret: string;
  officeDay: string;
  seq: number;
  procedureCode: string;
  procedureNameVi: string;
  procedureNameEn: string;
  processingValue: number;
  processingUnit: DossierRow['processing_unit'];
  processingHours: number;
  applicantName: string;
  applicantNameFolded: string;
  applicantIdType: DossierRow['applicant_id_type'];
  applicantIdNumber: string;
  applicantPhone: string;
  applicantEmail: string | null;
  applicantAddress: string;
  owner: string | null;
  sets: number;
  feeCollected: number;
  resultDelivery: DossierRow['result_delivery'];
  postalAddress: string | null;
  notes: string;
  status: number;
  acceptedAt: number;
  dueAt: number;
  clerkId: number;
  counterId: number | null;
  ticketId: number | null;
  bookYear: number;
  bookNumber: number;
  now: number;
  channel?: number;
  hasFee?: boolean;
}

export interface DossierDocumentRow {
  name_vi: string;
  name_en: string | null;
  originals: number;
  certified_copies: number;
  photocopies: number;
  received: number;
}

export interface DossierEventRow {
  at: number;
  actor: 'clerk' | 'district';
  clerk_id: number | null;
  clerk_name: string | null;
  from_status: number | null;
  to_status: number;
  stage: string | null;
  note: string | null;
  new_due_at: number | null;
}

export interface DossierPauseRow {
  id: number;
  from_at: number;
  to_at: number | null;
  status_before: number;
  items: string;
  reason: string;
}

const SELECT = `
  SELECT d.*, c.full_name AS clerk_name, t.number AS ticket_number
  FROM dossiers d LEFT JOIN clerks c ON c.id = d.clerk_id LEFT JOIN tickets t ON t.id = d.ticket_id`;

/** LIKE pattern for "contains", with %, _ and \ taken literally. */
const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Dossiers, their documents, timeline and supplement pauses. Every write here
 * runs inside the caller's store.write() transaction; status updates are
 * conditional on the status the caller read.
 */
export function dossiersRepo(db: Db) {
  const nextSeq = db.prepare<[string], { last_seq: number }>(`
    INSERT INTO dossier_sequences (office_day, last_seq) VALUES (?, 1)
    ON CONFLICT (office_day) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq`);
  const nextBookNumber = db.prepare<[number], { n: number }>('SELECT coalesce(max(book_number), 0) + 1 AS n FROM dossiers WHERE book_year = ?');
  const insert = db.prepare(`
    INSERT INTO dossiers (code, secret, office_day, seq, procedure_code, procedure_name_vi, procedure_name_en, processing_value, processing_unit,
      processing_hours, applicant_name, applicant_name_folded, applicant_id_type, applicant_id_number, applicant_phone, applicant_email,
      applicant_address, owner, sets, fee_collected, result_delivery, postal_address, notes, status, accepted_at, due_at, clerk_id, counter_id,
      ticket_id, book_year, book_number, created_at, updated_at, channel, has_fee)
    VALUES (@code, @secret, @officeDay, @seq, @procedureCode, @procedureNameVi, @procedureNameEn, @processingValue, @processingUnit,
      @processingHours, @applicantName, @applicantNameFolded, @applicantIdType, @applicantIdNumber, @applicantPhone, @applicantEmail,
      @applicantAddress, @owner, @sets, @feeCollected, @resultDelivery, @postalAddress, @notes, @status, @acceptedAt, @dueAt, @clerkId, @counterId,
      @ticketId, @bookYear, @bookNumber, @now, @now, @channel, @hasFee)`);
  const insertDoc = db.prepare(`
    INSERT INTO dossier_documents (dossier_id, position, name_vi, name_en, originals, certified_copies, photocopies, received)
    VALUES (@dossierId, @position, @nameVi, @nameEn, @originals, @certifiedCopies, @photocopies, @received)`);
  const insertEvent = db.prepare(`
    INSERT INTO dossier_events (dossier_id, at, actor, clerk_id, from_status, to_status, stage, note, new_due_at, department, handler)
    VALUES (@dossierId, @at, @actor, @clerkId, @fromStatus, @toStatus, @stage, @note, @newDueAt, @department, @handler)`);
  const byCode = db.prepare<[string], DossierRow>(`${SELECT} WHERE d.code = ?`);
  const byId = db.prepare<[number], DossierRow>(`${SELECT} WHERE d.id = ?`);
  const docs = db.prepare<[number], DossierDocumentRow>(
    'SELECT name_vi, name_en, originals, certified_copies, photocopies, received FROM dossier_documents WHERE dossier_id = ? ORDER BY position',
  );
  const events = db.prepare<[number], DossierEventRow>(`
    SELECT e.at, e.actor, e.clerk_id, c.full_name AS clerk_name, e.from_status, e.to_status, e.stage, e.note, e.new_due_at
    FROM dossier_events e LEFT JOIN clerks c ON c.id = e.clerk_id WHERE e.dossier_id = ? ORDER BY e.id`);
  const pauses = db.prepare<[number], DossierPauseRow>(
    'SELECT id, from_at, to_at, status_before, items, reason FROM dossier_pauses WHERE dossier_id = ? ORDER BY from_at, id',
  );
  const touch = db.prepare<[number, number]>('UPDATE dossiers SET updated_at = ? WHERE id = ?');
  const setStatus = db.prepare<{ id: number; from: number; to: number; now: number }>(
    'UPDATE dossiers SET status = @to, updated_at = @now WHERE id = @id AND status = @from',
  );
  const openPause = db.prepare(`
    INSERT INTO dossier_pauses (dossier_id, from_at, to_at, status_before, items, reason)
    VALUES (@dossierId, @from, NULL, @statusBefore, @items, @reason)`);
  const closePause = db.prepare<{ id: number; now: number }>('UPDATE dossier_pauses SET to_at = max(from_at, @now) WHERE id = @id AND to_at IS NULL');
  const recent = db.prepare<{ limit: number }, DossierRow>(`${SELECT} ORDER BY d.accepted_at DESC, d.id DESC LIMIT @limit`);
  const search = db.prepare<{ code: string; name: string; id: string; limit: number }, DossierRow>(`${SELECT}
    WHERE d.code LIKE @code ESCAPE '\\' OR d.applicant_name_folded LIKE @name ESCAPE '\\' OR d.applicant_id_number = @id
    ORDER BY d.accepted_at DESC, d.id DESC LIMIT @limit`);

  return {
    /** The next daily sequence of the office day (1, 2, …), in the caller's transaction. */
    nextSeq: (officeDay: string): number => nextSeq.get(officeDay)!.last_seq,
    /** The next number in the year's register book. */
    nextBookNumber: (year: number): number => nextBookNumber.get(year)!.n,
    insert: (d: NewDossier): number => Number(insert.run({ ...d, channel: d.channel ?? 1, hasFee: d.hasFee ? 1 : 0 }).lastInsertRowid),
    insertDocument: (d: {
      dossierId: number;
      position: number;
      nameVi: string;
      nameEn: string | null;
      originals: number;
      certifiedCopies: number;
      photocopies: number;
      received: boolean;
    }) => void insertDoc.run({ ...d, received: d.received ? 1 : 0 }),
    event: (e: {
      dossierId: number;
      at: number;
      actor: 'clerk' | 'district';
      clerkId: number | null;
      fromStatus: number | null;
      toStatus: number;
      stage?: string | null;
      note?: string | null;
      newDueAt?: number | null;
      /** Who had the dossier at this step, as the district reports it (form 06). */
      department?: string | null;
      handler?: string | null;
    }) => void insertEvent.run({ stage: null, note: null, newDueAt: null, department: null, handler: null, ...e }),
    get: (code: string): DossierRow | undefined => byCode.get(code),
    getById: (id: number): DossierRow | undefined => byId.get(id),
    documents: (dossierId: number) => docs.all(dossierId),
    events: (dossierId: number) => events.all(dossierId),
    pauses: (dossierId: number) => pauses.all(dossierId),
    touch: (id: number, now: number) => void touch.run(now, id),
    /** Moves the status only if it is still `from`; false when it changed meanwhile. */
    setStatus: (id: number, from: number, to: number, now: number): boolean => setStatus.run({ id, from, to, now }).changes === 1,
    openPause: (p: { dossierId: number; from: number; statusBefore: number; items: string[]; reason: string }) =>
      void openPause.run({ ...p, items: JSON.stringify(p.items) }),
    closePause: (pauseId: number, now: number): boolean => closePause.run({ id: pauseId, now }).changes === 1,
    /** Most recent first; `q` matches part of the code, part of the folded applicant name, or the whole identity number. */
    list: (opts: { q: string | null; foldedQ: string | null; limit: number }): DossierRow[] =>
      opts.q === null
        ? recent.all({ limit: opts.limit })
        : search.all({ code: containsPattern(opts.q.toUpperCase()), name: containsPattern(opts.foldedQ ?? opts.q), id: opts.q.toUpperCase(), limit: opts.limit }),
  };
}
export type DossiersRepo = ReturnType<typeof dossiersRepo>;
