import type { Db } from '../open';

export interface AttachmentRow {
  id: number;
  uid: string;
  dossier_id: number;
  kind: 'component' | 'result';
  position: number | null;
  name: string;
  sha256: string;
  size: number;
  pages: number;
  source: 'camera' | 'scanner' | 'file';
  clerk_id: number | null;
  clerk_name: string | null;
  created_at: number;
  removed_at: number | null;
  replaced_by: number | null;
  uploaded: number;
}

export interface NewAttachment {
  uid: string;
  dossierId: number;
  kind: 'component' | 'result';
  position: number | null;
  name: string;
  sha256: string;
  size: number;
  pages: number;
  source: 'camera' | 'scanner' | 'file';
  clerkId: number | null;
  now: number;
}

const SELECT = `
  SELECT a.id, a.uid, a.dossier_id, a.kind, a.position, a.name, a.sha256, a.size, a.pages, a.source, a.clerk_id, c.full_name AS clerk_name,
         a.created_at, a.removed_at, a.replaced_by, (u.done_at IS NOT NULL) AS uploaded
  FROM dossier_attachments a LEFT JOIN clerks c ON c.id = a.clerk_id LEFT JOIN attachment_uploads u ON u.attachment_id = a.id`;

/** The digitised files of dossiers and their district uploads (migration 0040). */
export function attachmentsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO dossier_attachments (uid, dossier_id, kind, position, name, sha256, size, pages, source, clerk_id, created_at)
    VALUES (@uid, @dossierId, @kind, @position, @name, @sha256, @size, @pages, @source, @clerkId, @now)`);
  const ofDossier = db.prepare<[number], AttachmentRow>(`${SELECT} WHERE a.dossier_id = ? ORDER BY a.id DESC`);
  const byId = db.prepare<[number], AttachmentRow>(`${SELECT} WHERE a.id = ?`);
  const active = db.prepare<{ dossierId: number; kind: string; position: number | null }, AttachmentRow>(
    `${SELECT} WHERE a.dossier_id = @dossierId AND a.kind = @kind AND a.position IS @position AND a.removed_at IS NULL`,
  );
  const remove = db.prepare<{ id: number; now: number; clerkId: number | null; replacedBy: number | null }>(
    'UPDATE dossier_attachments SET removed_at = @now, removed_by = @clerkId, replaced_by = @replacedBy WHERE id = @id AND removed_at IS NULL',
  );
  const components = db.prepare<[number], { position: number; name_vi: string; name_en: string | null; received: number }>(
    'SELECT position, name_vi, name_en, received FROM dossier_documents WHERE dossier_id = ? ORDER BY position',
  );
  const referenced = db.prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM dossier_attachments ORDER BY sha256');
  const activeFiles = db.prepare<[number], { kind: string; position: number | null }>('SELECT kind, position FROM dossier_attachments WHERE dossier_id = ? AND removed_at IS NULL');
  return {
    insert: (a: NewAttachment): number => Number(insert.run(a).lastInsertRowid),
    ofDossier: (dossierId: number) => ofDossier.all(dossierId),
    get: (id: number) => byId.get(id),
    active: (dossierId: number, kind: 'component' | 'result', position: number | null) => active.get({ dossierId, kind, position }),
    /** Marks a file removed (kept on disk and in the list); false if it was already removed. */
    remove: (id: number, now: number, clerkId: number | null, replacedBy: number | null): boolean => remove.run({ id, now, clerkId, replacedBy }).changes === 1,
    components: (dossierId: number) => components.all(dossierId),
    activeFiles: (dossierId: number) => activeFiles.all(dossierId),
    /** Every file any row names, removed ones too (backups and the restore drill keep them all). */
    referencedHashes: (): string[] => referenced.all().map((r) => r.sha256),
  };
}
export type AttachmentsRepo = ReturnType<typeof attachmentsRepo>;
