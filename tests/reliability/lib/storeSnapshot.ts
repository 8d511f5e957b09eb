import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * "A rejected request changes nothing", checked on the store itself: a second,
 * read-only connection fingerprints every table (whatever tables later
 * migrations add). `PRAGMA data_version` moves only when another connection
 * commits, so the full fingerprint is recomputed only after a commit.
 */
export class StoreWatch {
  private readonly db: Database.Database;
  private version: number;
  private tables: Map<string, string>;

  /**
   * `ignore`: columns a rejected request may legitimately write, with the reason
   * at the call site (e.g. a device's last-seen minute, a failed PIN counted);
   * `['*']` leaves a whole table out (a refused login is written to the audit log on purpose).
   */
  constructor(
    file: string,
    private readonly ignore: Record<string, readonly string[]> = {},
  ) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
    this.tables = this.fingerprint();
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private fingerprint(): Map<string, string> {
    const out = new Map<string, string>();
    const names = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const name of names) {
      const skip = new Set(this.ignore[name] ?? []);
      if (skip.has('*')) continue;
      const cols = (this.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]).filter((c) => !skip.has(c));
      const hash = createHash('sha1');
      // Table and column names come from the schema itself, quoted.
      const rows = this.db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${name}" ORDER BY 1`).raw().iterate();
      for (const row of rows) hash.update(JSON.stringify(row));
      out.set(name, hash.digest('hex'));
    }
    return out;
  }

  /** Tables whose content differs from the last accepted state (empty: nothing changed). */
  changedTables(): string[] {
    const v = this.dataVersion();
    if (v === this.version) return [];
    this.version = v;
    const now = this.fingerprint();
    const changed = [...now.keys()].filter((t) => now.get(t) !== this.tables.get(t));
    // An ignored column moved: that is the new state to compare with.
    if (changed.length === 0) this.tables = now;
    return changed;
  }

  /** Takes the store as it is now as the state to compare with (after an accepted request). */
  accept(): void {
    const v = this.dataVersion();
    if (v === this.version) return;
    this.version = v;
    this.tables = this.fingerprint();
  }

  close(): void {
    this.db.close();
  }
}
