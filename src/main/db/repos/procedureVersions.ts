import crypto from 'node:crypto';
import type { Db } from '../open';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { procedureSchema, storedProcedureSchema, type Procedure, type StoredProcedure } from '../../../shared/api/catalogue';
import type { ProcedureVersion } from '../../../shared/api/catalogueImport';

export type VersionSource = ProcedureVersion['source'];

interface VersionRow {
  procedure_code: string;
  version: number;
  data: string;
  content_hash: string;
  source: VersionSource;
  valid_from: number;
}

/** The canonical form a version is compared and hashed by (NFC text, keys sorted, defaults filled). */
export function canonicalProcedure(p: Procedure): string {
  return canonicalJson(procedureSchema.parse(nfc(p)));
}
/** Text as the store keeps it (the repository normalises what it writes; a version must say the same). */
const nfc = (v: unknown): unknown =>
  typeof v === 'string' ? v.normalize('NFC') : Array.isArray(v) ? v.map(nfc) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)])) : v;
export const procedureHash = (canonical: string) => crypto.createHash('sha256').update(canonical).digest('hex');

/**
 * Every version of every procedure as it was published (migration 21). A
 * version is never edited: a change is a new row, and `procedures.version`
 * points at the one in force. Writes run inside the caller's transaction.
 */
export function procedureVersionsRepo(db: Db) {
  const latest = db.prepare<[string], VersionRow>('SELECT * FROM procedure_versions WHERE procedure_code = ? ORDER BY version DESC LIMIT 1');
  const one = db.prepare<[string, number], VersionRow>('SELECT * FROM procedure_versions WHERE procedure_code = ? AND version = ?');
  const all = db.prepare<[string], VersionRow>('SELECT * FROM procedure_versions WHERE procedure_code = ? ORDER BY version DESC');
  const insert = db.prepare('INSERT INTO procedure_versions (procedure_code, version, data, content_hash, source, valid_from) VALUES (@code, @version, @data, @hash, @source, @now)');
  const inForce = db.prepare<[], { data: string }>(
    'SELECT v.data FROM procedures p JOIN procedure_versions v ON v.procedure_code = p.code AND v.version = p.version WHERE p.active = 1',
  );
  const stampDossier = db.prepare<[number, string, number]>('UPDATE dossiers SET procedure_version = ?, procedure_level = ? WHERE id = ?');
  const stampRows = db.prepare<[], { code: string; version: number; active: number }>('SELECT code, version, active FROM procedures ORDER BY code');

  const toVersion = (r: VersionRow): ProcedureVersion => ({ version: r.version, source: r.source, validFrom: r.valid_from, procedure: storedProcedureSchema.parse(JSON.parse(r.data)) });
  /** Rows written by the migration carry no hash: their data is compared instead. */
  const sameAs = (r: VersionRow, canonical: string, hash: string) => (r.content_hash ? r.content_hash === hash : canonicalJson(storedProcedureSchema.safeParse(JSON.parse(r.data)).data ?? null) === canonical);

  return {
    /** Records `p` as the next version unless it equals the latest one; returns the version in force. */
    record(p: Procedure, now: number, source: VersionSource): { version: number; unchanged: boolean } {
      const canonical = canonicalProcedure(p);
      const hash = procedureHash(canonical);
      const last = latest.get(p.code);
      if (last && sameAs(last, canonical, hash)) return { version: last.version, unchanged: true };
      const version = (last?.version ?? 0) + 1;
      insert.run({ code: p.code, version, data: canonical, hash, source, now });
      return { version, unchanged: false };
    },
    get: (code: string, version: number): ProcedureVersion | undefined => {
      const r = one.get(code, version);
      return r && toVersion(r);
    },
    list: (code: string): ProcedureVersion[] => all.all(code).map(toVersion),
    /** The active procedures as their versions in force say, by code (what an import is compared with). */
    inForce(): Map<string, StoredProcedure> {
      const out = new Map<string, StoredProcedure>();
      for (const r of inForce.iterate()) {
        const p = storedProcedureSchema.parse(JSON.parse(r.data));
        out.set(p.code, p);
      }
      return out;
    },
    /** Marks a dossier with the version and level it is received under (its receipt and due time come from them for good). */
    stampDossier: (dossierId: number, version: number, level: string): void => void stampDossier.run(version, level, dossierId),
    /** A fingerprint of the whole catalogue (code, version, active): an apply is refused if it moved since the preview. */
    stamp(): string {
      const h = crypto.createHash('sha256');
      for (const r of stampRows.iterate()) h.update(`${r.code}:${r.version}:${r.active}\n`);
      return h.digest('hex');
    },
  };
}
export type ProcedureVersionsRepo = ReturnType<typeof procedureVersionsRepo>;
