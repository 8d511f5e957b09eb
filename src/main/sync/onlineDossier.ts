import { randomInt } from 'node:crypto';
import type { Store } from '../db/store';
import type { DistrictDossier } from '../../shared/api/sync';
import { CHANNELS, dateOfDayNumber, foldVietnamese, officeDayNumber, SECRET_ALPHABET, SECRET_LENGTH } from '../../shared/domain';

/**
 * A dossier filed online on the portal (channel 2) reaches the hub with the
 * dossier collection: the hub has no row for it, so it makes one from the
 * application the district sends, with the district's status and due. The code
 * is the portal's (it never carries this office's agency code, the district
 * checks that); the daily slot and the register-book number are the hub's own,
 * so the office's book lists every dossier it serves. Runs in the projector's
 * transaction. Returns false when the pulled row cannot make a dossier.
 */
export function insertOnlineDossier(store: Store, d: DistrictDossier, now: number): boolean {
  const a = d.online;
  if (d.channel !== CHANNELS.online || !a) return false;
  const day = dateOfDayNumber(officeDayNumber(a.acceptedAt));
  const seq = store.dossiers.nextSeq(day);
  // The daily slot is 4 digits wide (the office's own codes); past it the row cannot be stored, so the mirror keeps it alone.
  if (seq > 9999) return false;
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  const year = Number(day.slice(0, 4));
  const id = store.dossiers.insert({
    code: d.code,
    secret,
    officeDay: day,
    seq,
    procedureCode: a.procedureCode,
    procedureNameVi: a.procedureNameVi,
    procedureNameEn: a.procedureNameEn || a.procedureNameVi,
    processingValue: a.processingValue,
    processingUnit: a.processingUnit,
    processingHours: a.processingUnit === 'working_hours' ? a.processingValue : a.processingValue * 8,
    applicantName: a.applicantName.normalize('NFC'),
    applicantNameFolded: foldVietnamese(a.applicantName),
    applicantIdType: a.applicantIdType,
    applicantIdNumber: a.applicantIdNumber,
    applicantPhone: a.applicantPhone,
    applicantEmail: a.applicantEmail,
    applicantAddress: a.applicantAddress,
    owner: null,
    sets: 1,
    feeCollected: a.feeVnd,
    resultDelivery: 'counter',
    postalAddress: null,
    notes: '',
    status: d.status,
    acceptedAt: a.acceptedAt,
    dueAt: d.dueAt ?? a.acceptedAt,
    // No clerk received it: the portal did.
    clerkId: null as unknown as number,
    counterId: null,
    ticketId: null,
    bookYear: year,
    bookNumber: store.dossiers.nextBookNumber(year),
    now,
    channel: CHANNELS.online,
    hasFee: a.feeVnd > 0,
  });
  a.documents.forEach((doc, i) =>
    store.dossiers.insertDocument({ dossierId: id, position: i + 1, nameVi: doc.nameVi, nameEn: doc.nameEn, originals: doc.originals, certifiedCopies: doc.certifiedCopies, photocopies: doc.photocopies, received: doc.received }),
  );
  store.dossiers.event({ dossierId: id, at: a.acceptedAt, actor: 'district', clerkId: null, fromStatus: null, toStatus: d.status, stage: d.stage, note: d.note });
  store.db.prepare('UPDATE dossiers SET stage = ?, department = ?, paid_online = ? WHERE id = ?').run(d.stage, d.department, d.paidOnline, id);
  return true;
}
