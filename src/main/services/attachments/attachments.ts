import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api';
import type { AddAttachmentBody, Attachment, AttachmentList, Digitisation } from '../../../shared/api/attachments';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  attachmentFileName,
  checkBroughtFile,
  digitisationState,
  resultExists,
  type AttachmentLimits,
  type FileRefusal,
} from '../../../shared/domain/digitisation';
import type { Store } from '../../db/store';
import { attachmentsRepo, type AttachmentRow } from '../../db/repos/attachments';
import type { Clock } from '../clock';
import type { Actor } from '../queue';
import { clerkActor, type AuditService } from '../audit';
import type { FileStore } from './fileStore';
import { inspectPdf } from './pdfInspect';
import { pagesToPdf, preparePage } from './pageImages';
import type { Scanner } from './scanner';

export interface AttachmentServiceOptions {
  files: FileStore;
  scanner: Scanner;
  limits?: () => AttachmentLimits;
  /** Called inside the write transaction of a new file: the sync outbox names it there. */
  onAttached?: (attachmentId: number) => void;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  kind: r.kind,
  position: r.position,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  pages: r.pages,
  source: r.source,
  createdAt: r.created_at,
  clerkName: r.clerk_name,
  removedAt: r.removed_at,
  replacedBy: r.replaced_by,
  uploaded: r.uploaded === 1,
});

function refusal(r: FileRefusal): AppError {
  switch (r.code) {
    case 'EMPTY_FILE':
      return new AppError(400, 'EMPTY_FILE', 'The file is empty (0 bytes): ask the citizen for the file again.');
    case 'FILE_TOO_LARGE':
      return new AppError(400, 'FILE_TOO_LARGE', `The file is larger than ${Math.round(r.limit / 1048576)} MB, the office's limit.`, { limit: r.limit });
    case 'UNSUPPORTED_FILE':
      return new AppError(400, 'UNSUPPORTED_FILE', 'Only PDF, JPEG and PNG files can be attached.');
    case 'FILE_TYPE_MISMATCH':
      return new AppError(400, 'FILE_TYPE_MISMATCH', `The file is named as ${r.named.toUpperCase()} but its content is ${r.actual ? r.actual.toUpperCase() : 'something else'}: it is refused.`, {
        named: r.named,
        actual: r.actual,
      });
  }
}

/**
 * Digitising at the counter: pages or a brought file become one PDF per document, stored
 * content-addressed beside the store BEFORE the row naming it is written (fsync, then the
 * transaction), and audited. Nothing about a dossier changes when a file is refused: every check
 * runs before the first write.
 */
export function createAttachmentService(store: Store, clock: Clock, audit: AuditService, options: AttachmentServiceOptions) {
  const repo = attachmentsRepo(store.db);
  const limits = () => options.limits?.() ?? DEFAULT_ATTACHMENT_LIMITS;

  function dossierOf(code: string) {
    const row = store.dossiers.get(code);
    if (!row) throw new AppError(404, 'UNKNOWN_DOSSIER', `There is no dossier with code ${code.slice(0, 60)}.`);
    return row;
  }

  function stateOf(dossierId: number, status: number): Digitisation {
    const files = repo.activeFiles(dossierId);
    const has = new Set(files.filter((f) => f.kind === 'component').map((f) => f.position));
    const exists = resultExists(status);
    const state = digitisationState({
      components: repo.components(dossierId).map((c) => ({ position: c.position, received: c.received === 1, hasFile: has.has(c.position) })),
      resultExists: exists,
      resultHasFile: files.some((f) => f.kind === 'result'),
    });
    return { ...state, resultExists: exists };
  }

  async function buildPdf(body: AddAttachmentBody, title: string): Promise<{ pdf: Buffer; pages: number }> {
    const max = limits().maxPages;
    if (body.file) {
      const bytes = Buffer.from(body.file.data, 'base64');
      const refused = checkBroughtFile(body.file.name, bytes, limits());
      if (refused) throw refusal(refused);
      if (bytes.subarray(0, 4).toString('latin1') === '%PDF') {
        // Kept byte for byte (a signed PDF keeps its signature) once it passed the checks.
        const facts = await inspectPdf(bytes, max);
        return { pdf: bytes, pages: facts.pages };
      }
      const page = await preparePage(bytes, 0);
      return { pdf: await pagesToPdf([page], title), pages: 1 };
    }
    const pages = body.pages!;
    if (pages.length > max) throw new AppError(400, 'TOO_MANY_PAGES', `${pages.length} pages; at most ${max} are taken for one document.`, { pages: pages.length, maxPages: max });
    const prepared = [];
    for (const [i, p] of pages.entries()) {
      const bytes = Buffer.from(p, 'base64');
      if (bytes.length === 0) throw new AppError(400, 'EMPTY_FILE', `Page ${i + 1} is empty.`);
      prepared.push(await preparePage(bytes, i));
    }
    return { pdf: await pagesToPdf(prepared, title), pages: prepared.length };
  }

  async function add(actor: Actor, code: string, body: AddAttachmentBody): Promise<Attachment> {
    const d = dossierOf(code);
    let documentName: string;
    let position: number | null = null;
    if (body.target.kind === 'component') {
      const c = repo.components(d.id).find((x) => x.position === (body.target as { position: number }).position);
      if (!c) throw new AppError(400, 'UNKNOWN_COMPONENT', `Dossier ${d.code} has no document number ${body.target.position}.`);
      documentName = c.name_vi;
      position = c.position;
    } else {
      if (!resultExists(d.status)) throw new AppError(409, 'NO_RESULT_YET', 'The dossier has no result yet: attach the result when it is ready or handed back.');
      documentName = `Kết quả ${d.procedure_name_vi}`;
    }
    const name = attachmentFileName(documentName, position);
    // Checked before any work (and again in the transaction, for two clerks at once), so a refused file is never written.
    const current = repo.active(d.id, body.target.kind, position);
    if (current && current.id !== body.replaces) {
      throw new AppError(409, 'ATTACHMENT_EXISTS', 'This document already has a file: replace it (the old one is kept) or remove it first.', { attachmentId: current.id });
    }
    const { pdf, pages } = await buildPdf(body, `${d.code} – ${documentName}`);
    // Durable first: the row below may only name a whole file.
    const stored = options.files.put(pdf);
    const id = store.write(() => {
      const current = repo.active(d.id, body.target.kind, position);
      if (current && current.id !== body.replaces) {
        throw new AppError(409, 'ATTACHMENT_EXISTS', 'This document already has a file: replace it (the old one is kept) or remove it first.', { attachmentId: current.id });
      }
      if (!current && body.replaces !== undefined) throw new AppError(409, 'ATTACHMENT_CHANGED', 'The file to replace is no longer the current one: reload the dossier.');
      const newId = repo.insert({ uid: randomUUID(), dossierId: d.id, kind: body.target.kind, position, name, sha256: stored.sha256, size: stored.size, pages, source: body.source, clerkId: actor.clerkId, now: clock.now() });
      if (current) repo.remove(current.id, clock.now(), actor.clerkId, newId);
      store.dossiers.touch(d.id, clock.now());
      audit.record(current ? 'attachment.replace' : 'attachment.add', clerkActor(store, actor.clerkId), `dossier:${d.code}`, {
        attachmentId: newId,
        replaced: current?.id ?? null,
        kind: body.target.kind,
        position,
        sha256: stored.sha256,
        size: stored.size,
        pages,
        source: body.source,
      });
      options.onAttached?.(newId);
      return newId;
    });
    return toAttachment(repo.get(id)!);
  }

  function list(code: string): AttachmentList {
    const d = dossierOf(code);
    const rows = repo.ofDossier(d.id);
    return {
      components: repo.components(d.id).map((c) => ({
        position: c.position,
        nameVi: c.name_vi,
        nameEn: c.name_en,
        received: c.received === 1,
        attachmentId: rows.find((r) => r.kind === 'component' && r.position === c.position && r.removed_at === null)?.id ?? null,
      })),
      attachments: rows.map(toAttachment),
      digitisation: stateOf(d.id, d.status),
    };
  }

  function attachmentOf(code: string, id: number): AttachmentRow {
    const d = dossierOf(code);
    const row = repo.get(id);
    if (!row || row.dossier_id !== d.id) throw new AppError(404, 'UNKNOWN_ATTACHMENT', `Dossier ${d.code} has no file number ${id}.`);
    return row;
  }

  return {
    add,
    list,
    /** The bytes, checked against their hash on the way out: a damaged file is an error, never served. */
    file(code: string, id: number): { name: string; bytes: Buffer } {
      const row = attachmentOf(code, id);
      const state = options.files.verify(row.sha256);
      if (state !== 'ok') throw new AppError(500, 'ATTACHMENT_DAMAGED', `The file ${row.name} is ${state} on the hub's disk: restore the latest backup's files (docs/digitise.md).`);
      return { name: row.name, bytes: options.files.read(row.sha256) };
    },
    remove(actor: Actor, code: string, id: number, reason: string): Attachment {
      const row = attachmentOf(code, id);
      store.write(() => {
        if (!repo.remove(row.id, clock.now(), actor.clerkId, null)) throw new AppError(409, 'ATTACHMENT_ALREADY_REMOVED', 'This file was already removed or replaced.');
        audit.record('attachment.remove', clerkActor(store, actor.clerkId), `dossier:${code}`, { attachmentId: row.id, sha256: row.sha256, reason });
      });
      return toAttachment(repo.get(row.id)!);
    },
    /** One scanned page, prepared like every page of a PDF, for the clerk to look at. */
    async scanPage(): Promise<{ image: string; width: number; height: number }> {
      const png = await options.scanner.scanPage();
      const page = await preparePage(png, 0);
      return { image: page.image.toString('base64'), width: page.width, height: page.height };
    },
    /**
     * Per-dossier digitisation by the 766 rule, for the supervisor's index (the lead wires it into
     * the 766 tab): dossiers accepted in [fromAt, toAt).
     */
    digitisationOf(fromAt: number, toAt: number): { code: string; state: Digitisation }[] {
      const rows = store.db
        .prepare<[number, number], { id: number; code: string; status: number }>('SELECT id, code, status FROM dossiers WHERE accepted_at >= ? AND accepted_at < ? ORDER BY accepted_at, id')
        .all(fromAt, toAt);
      return rows.map((r) => ({ code: r.code, state: stateOf(r.id, r.status) }));
    },
    referencedHashes: () => repo.referencedHashes(),
    files: options.files,
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
