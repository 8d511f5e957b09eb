import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startHub, tempDir } from './hub';

export const AGED_DAYS = 250;
export const AGED_TICKETS_PER_DAY = 400;

/**
 * A demo office that has been running for about a year: the hub creates its
 * store, then (hub stopped) the bench adds AGED_DAYS past office days of
 * AGED_TICKETS_PER_DAY finished tickets, each with its `call` event (100 000 of
 * each by default). Today's queue starts empty, as on any morning. Returns the
 * data folder; copy it per run with `copyOffice`.
 */
export async function makeAgedOffice(hubScript: string): Promise<string> {
  const hub = await startHub(hubScript);
  await hub.stop();
  const db = new Database(path.join(hub.dataDir, 'motcua.sqlite'));
  try {
    const insertTicket = db.prepare(`
      INSERT INTO tickets (office_day, number, seq, origin_service_id, service_id, status, source, issued_at, queued_at,
                           called_at, serving_started_at, finished_at, counter_id)
      VALUES (?, ?, ?, ?, ?, 'done', 'kiosk', ?, ?, ?, ?, ?, ?)`);
    const insertCall = db.prepare("INSERT INTO ticket_events (ticket_id, at, kind, counter_id) VALUES (?, ?, 'call', ?)");
    const prefixes = ['A', 'B', 'C', 'D', 'E'];
    const dayMs = 86_400_000;
    const today = Math.floor(Date.now() / dayMs) * dayMs;
    db.transaction(() => {
      for (let d = AGED_DAYS + 10; d > 10; d--) {
        const start = today - d * dayMs + 1 * 3600_000; // 08:00 in Hà Nội
        const officeDay = new Date(start + 7 * 3600_000).toISOString().slice(0, 10);
        for (let i = 0; i < AGED_TICKETS_PER_DAY; i++) {
          const service = (i % 5) + 1;
          const seq = Math.floor(i / 5) + 1;
          const issued = start + i * 60_000;
          const called = issued + 15 * 60_000;
          const id = Number(
            insertTicket.run(officeDay, `${prefixes[service - 1]}${String(seq).padStart(3, '0')}`, seq, service, service, issued, issued, called, called + 30_000, called + 8 * 60_000, (i % 5) + 1).lastInsertRowid,
          );
          insertCall.run(id, called, (i % 5) + 1);
        }
      }
    })();
  } finally {
    db.close();
  }
  return hub.dataDir;
}

/** A fresh copy of an office's data folder (the hub is stopped, so the store is one checkpointed file). */
export function copyOffice(dataDir: string): string {
  const copy = tempDir('motcua-bench-aged-');
  for (const f of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, f), path.join(copy, f));
  return copy;
}
