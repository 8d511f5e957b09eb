import type { Db } from '../open';

/** What /admin edits on a paired device beyond pairing and revoking: its name and its printer. */
export function deviceSettingsRepo(db: Db) {
  const rename = db.prepare('UPDATE devices SET name = ? WHERE id = ? AND revoked_at IS NULL');
  const setPrinter = db.prepare('INSERT INTO device_printers (device_id, printer) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET printer = excluded.printer');
  const clearPrinter = db.prepare('DELETE FROM device_printers WHERE device_id = ?');
  const printer = db.prepare<[number], { printer: string }>('SELECT printer FROM device_printers WHERE device_id = ?');
  const printers = db.prepare<[], { device_id: number; printer: string }>('SELECT device_id, printer FROM device_printers');
  return {
    rename: (id: number, name: string) => rename.run(name, id).changes > 0,
    setPrinter: (id: number, name: string | null) => void (name === null ? clearPrinter.run(id) : setPrinter.run(id, name)),
    printer: (id: number): string | null => printer.get(id)?.printer ?? null,
    printers: (): Map<number, string> => new Map(printers.all().map((r) => [r.device_id, r.printer])),
  };
}
