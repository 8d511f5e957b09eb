import crypto from 'node:crypto';
import { AppError } from '../../../shared/api';
import { CATALOGUE_PREVIEW_TTL_MS, type CatalogueApplied, type CatalogueApplyBody, type CataloguePreview } from '../../../shared/api/catalogueImport';
import type { Procedure } from '../../../shared/api/catalogue';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { COLUMN_HEADERS, mapHeaders, rowToProcedure, type CatalogueColumn, type RowError } from '../../../shared/domain/catalogueRows';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { AuditActor } from '../audit';
import { readSheet } from './readSheet';
import { procedureChanges } from './diff';

/** Errors listed in a preview; the rest are counted (a wrong file can have thousands). */
const MAX_LISTED_ERRORS = 200;
/** Previews kept at once: an admin uploading again and again never fills the memory. */
const MAX_PREVIEWS = 4;

interface HeldPreview {
  id: string;
  hash: string;
  /** The catalogue's fingerprint when the preview was made: apply is refused if it moved. */
  stamp: string;
  upserts: Procedure[];
  /** How many of `upserts` were new at preview time (the stamp guarantees it still holds). */
  addedCount: number;
  removals: string[];
  expiresAt: number;
  fileName: string;
}

/**
 * The province's catalogue file → a preview (nothing written) → apply of that
 * very preview. The preview lives in memory only (a restart forgets it; the
 * administrator uploads again); applying it is one transaction: every added and
 * changed procedure becomes a new version, every procedure missing from the
 * file is taken off the lists (its versions and old dossiers stay).
 */
export function createCatalogueImportService(store: Store, clock: Clock) {
  const held = new Map<string, HeldPreview>();

  function prune(now: number) {
    for (const [id, p] of held) if (p.expiresAt <= now) held.delete(id);
    while (held.size >= MAX_PREVIEWS) held.delete(held.keys().next().value!);
  }

  async function preview(bytes: Uint8Array, fileName: string): Promise<CataloguePreview> {
    const sheet = await readSheet(bytes);
    const headers = mapHeaders(sheet.rows);
    if (!headers.ok) {
      const missing = headers.missing.map((c) => `"${COLUMN_HEADERS[c][0]}"`).join(', ');
      const parts = [headers.missing.length ? `missing the column${headers.missing.length > 1 ? 's' : ''} ${missing}` : '', headers.duplicated.length ? `the column${headers.duplicated.length > 1 ? 's' : ''} ${headers.duplicated.map((d) => `"${d}"`).join(', ')} twice` : '']
        .filter(Boolean)
        .join(' and ');
      throw new AppError(422, 'CATALOGUE_COLUMNS', `The file has ${parts}. The first rows must hold the headers (e.g. "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết", "Phí, lệ phí").`, {
        missing: headers.missing.map((c) => COLUMN_HEADERS[c][0]),
        duplicated: headers.duplicated,
      });
    }
    const current = store.catalogue.versions.inForce();
    const fieldEn = new Map<string, string>();
    for (const p of current.values()) fieldEn.set(p.fieldVi, p.fieldEn);
    const lookup = { current: (code: string) => current.get(code), fieldEn: (f: string) => fieldEn.get(f) };

    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const parsed: { row: number; procedure: Procedure }[] = [];
    let dataRows = 0;
    for (let i = headers.headerRow + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i]!;
      if (cells.every((c) => !c || !c.trim())) continue;
      dataRows++;
      const r = rowToProcedure(cells, i + 1, headers.columns, lookup);
      if (!r.ok) {
        errors.push(...r.errors);
        continue;
      }
      const first = seen.get(r.procedure.code);
      if (first !== undefined) {
        errors.push({ row: i + 1, column: COLUMN_HEADERS.code[0]!, reason: `The code ${r.procedure.code} is already on row ${first}.`, rule: 'code.duplicate', values: { code: r.procedure.code, row: first } });
        continue;
      }
      seen.set(r.procedure.code, i + 1);
      parsed.push({ row: i + 1, procedure: r.procedure });
    }
    if (dataRows === 0) throw new AppError(422, 'CATALOGUE_EMPTY', 'The file has the headers but no procedure under them.');

    const added: CataloguePreview['added'] = [];
    const changed: CataloguePreview['changed'] = [];
    const upserts: Procedure[] = [];
    let unchanged = 0;
    for (const { row, procedure } of parsed) {
      const before = current.get(procedure.code);
      if (!before) {
        added.push({ code: procedure.code, nameVi: procedure.nameVi, row, changes: [] });
        upserts.push(procedure);
        continue;
      }
      const changes = procedureChanges(before, procedure);
      if (changes.length === 0) unchanged++;
      else {
        changed.push({ code: procedure.code, nameVi: procedure.nameVi, row, changes });
        upserts.push(procedure);
      }
    }
    const removed = [...current.values()].filter((p) => !seen.has(p.code)).map((p) => ({ code: p.code, nameVi: p.nameVi, row: null, changes: [] }));

    const now = clock.now();
    const columns = Object.fromEntries((Object.entries(headers.columns) as [CatalogueColumn, number][]).map(([c, i]) => [c, sheet.rows[headers.headerRow]![i]!.trim()]));
    const hash = crypto
      .createHash('sha256')
      .update(canonicalJson({ upserts, removed: removed.map((r) => r.code) }))
      .digest('hex');
    let previewId: string | null = null;
    const expiresAt = now + CATALOGUE_PREVIEW_TTL_MS;
    if (errors.length === 0) {
      prune(now);
      previewId = crypto.randomUUID();
      held.set(previewId, { id: previewId, hash, stamp: store.catalogue.versions.stamp(), upserts, addedCount: added.length, removals: removed.map((r) => r.code), expiresAt, fileName });
    }
    return {
      kind: 'preview',
      previewId,
      hash,
      fileName,
      format: sheet.format,
      rows: dataRows,
      columns,
      ignoredColumns: headers.ignored,
      added,
      changed,
      removed,
      unchanged,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      errorCount: errors.length,
      expiresAt,
    };
  }

  function apply(body: CatalogueApplyBody, actor: AuditActor): CatalogueApplied {
    const now = clock.now();
    const p = held.get(body.previewId);
    if (!p || p.expiresAt <= now) throw new AppError(404, 'UNKNOWN_PREVIEW', 'This preview is not held any more (it expired or the hub restarted). Upload the file again.');
    if (p.hash !== body.hash) throw new AppError(409, 'PREVIEW_MISMATCH', 'The hash does not match this preview; upload the file again and apply the preview you see.');
    const result = store.write(() => {
      // Checked inside the transaction: nothing can change the catalogue between the check and the writes.
      if (store.catalogue.versions.stamp() !== p.stamp) {
        throw new AppError(409, 'CATALOGUE_CHANGED', 'The catalogue changed since this preview (another import or the district server). Upload the file again to see the changes as they are now.');
      }
      for (const proc of p.upserts) store.catalogue.upsert(proc, now, 'import');
      const added = p.addedCount;
      let removed = 0;
      for (const code of p.removals) if (store.catalogue.deactivate(code, now)) removed++;
      const out = { kind: 'applied' as const, added, changed: p.upserts.length - added, removed, appliedAt: now };
      store.audit.record({ at: now, action: 'settings.catalogue', actor, target: p.fileName, detail: { added: out.added, changed: out.changed, removed, hash: p.hash }, ip: null });
      return out;
    });
    held.delete(p.id);
    return result;
  }

  return { preview, apply };
}
export type CatalogueImportService = ReturnType<typeof createCatalogueImportService>;
