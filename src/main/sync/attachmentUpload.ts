import crypto from 'node:crypto';
import type { Store } from '../db/store';
import type { FileStore } from '../services/attachments/fileStore';
import { ATTACHMENT_CHUNK_BYTES, attachmentProgress } from '../../shared/api/syncAttachments';
import { SyncHttpError, type SyncClient } from './client';

/**
 * Carries digitised files to the district, beside the outbox: `attachment_uploads` names each file
 * (written in the transaction that attached it), and this loop sends it in 256 KiB chunks, each with
 * its own hash, the whole file checked by the server on arrival.
 *
 * - Resumable: `begin` answers how much the server already holds, so after an outage, a killed hub or
 *   a restarted server the upload goes on from there, never from 0 (unless the whole file failed its hash).
 * - A share of the link: after a chunk that took `d` ms the loop waits `d·(1−share)/share`, so files
 *   use at most `share` of the link's time and tickets and dossiers (their own requests) never queue
 *   behind a large scan.
 * - It retries by itself after any failure, with a backoff up to a minute.
 */
export interface UploaderOptions {
  /** Fraction of the link's time files may use (0 < share ≤ 1); default 0.25. */
  share?: number;
  chunkBytes?: number;
  /** First retry delay after a failure (doubles while nothing gets through, up to `maxRetryMs`, default 60 s). */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often to look for new files when idle. */
  pollMs?: number;
}

interface Pending {
  attachment_id: number;
  uid: string;
  sha256: string;
  size: number;
  pages: number;
  kind: 'component' | 'result';
  position: number | null;
  name: string;
  created_at: number;
  code: string;
}

const sleep = (ms: number, signal: { stopped: boolean }) =>
  new Promise<void>((resolve) => {
    if (signal.stopped || ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });

export function createAttachmentUploader(store: Store, files: FileStore, client: () => SyncClient | null, options: UploaderOptions = {}) {
  const share = Math.min(1, Math.max(0.01, options.share ?? 0.25));
  const chunkBytes = Math.min(ATTACHMENT_CHUNK_BYTES, options.chunkBytes ?? ATTACHMENT_CHUNK_BYTES);
  const db = store.db;
  const pendingStmt = db.prepare<[], Pending>(`
    SELECT u.attachment_id, a.uid, a.sha256, a.size, a.pages, a.kind, a.position, a.name, a.created_at, d.code
    FROM attachment_uploads u JOIN dossier_attachments a ON a.id = u.attachment_id JOIN dossiers d ON d.id = a.dossier_id
    WHERE u.done_at IS NULL ORDER BY u.attachment_id LIMIT 1`);
  const setSent = db.prepare<[number, number]>('UPDATE attachment_uploads SET sent = ?, last_error = NULL WHERE attachment_id = ?');
  const setDone = db.prepare<[number, number, number]>('UPDATE attachment_uploads SET sent = ?, done_at = ?, last_error = NULL WHERE attachment_id = ?');
  const setError = db.prepare<[string, number]>('UPDATE attachment_uploads SET attempts = attempts + 1, last_error = ? WHERE attachment_id = ?');
  const flag = { stopped: true };
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const stats = { chunks: 0, bytes: 0, busyMs: 0 };
  /** A chunk got through since the last failure: the next retry starts from the short delay again. */
  let progressed = false;

  /** Sends one file to the end. Throws on a failure the loop should retry later. */
  async function send(c: SyncClient, p: Pending): Promise<void> {
    const base = `/attachments/${p.sha256}`;
    const begun = attachmentProgress.parse(
      await c.signed('POST', `${base}/begin`, { uid: p.uid, dossierCode: p.code, kind: p.kind, position: p.position, name: p.name, pages: p.pages, size: p.size, createdAt: p.created_at }),
    );
    let offset = begun.received;
    let done = begun.done;
    while (!done && !flag.stopped) {
      const data = files.readRange(p.sha256, offset, chunkBytes);
      if (data.length === 0) throw new Error(`the local file ${p.sha256.slice(0, 12)}… is shorter than its record`);
      const started = Date.now();
      try {
        const r = attachmentProgress.parse(
          await c.signed('POST', `${base}/chunk`, { offset, data: data.toString('base64'), chunkSha256: crypto.createHash('sha256').update(data).digest('hex') }, 60_000),
        );
        offset = r.received;
        done = r.done;
        stats.chunks++;
        progressed = true;
        stats.bytes += data.length;
      } catch (err) {
        // The server holds a different amount (a chunk acknowledged but the answer lost, or a reset): go on from there.
        const received = err instanceof SyncHttpError ? (err.details as { received?: number } | undefined)?.received : undefined;
        if (err instanceof SyncHttpError && (err.code === 'CHUNK_OUT_OF_ORDER' || err.code === 'UPLOAD_HASH_MISMATCH') && typeof received === 'number') {
          if (err.code === 'UPLOAD_HASH_MISMATCH' && files.verify(p.sha256) !== 'ok') throw new Error(`the local file ${p.sha256.slice(0, 12)}… is damaged: restore it from a backup`);
          offset = received;
          continue;
        }
        throw err;
      }
      const took = Date.now() - started;
      stats.busyMs += took;
      if (done) setDone.run(offset, Date.now(), p.attachment_id);
      else setSent.run(offset, p.attachment_id);
      await sleep((took * (1 - share)) / share, flag);
    }
    if (done) setDone.run(p.size, Date.now(), p.attachment_id);
  }

  async function run(): Promise<void> {
    let backoff = options.retryMs ?? 1000;
    while (!flag.stopped) {
      const c = client();
      const p = c ? pendingStmt.get() : undefined;
      if (!c || !p) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          const t = setTimeout(resolve, options.pollMs ?? 5000);
          t.unref?.();
        });
        wake = null;
        continue;
      }
      try {
        await send(c, p);
        backoff = options.retryMs ?? 1000;
      } catch (err) {
        setError.run(err instanceof Error ? err.message : String(err), p.attachment_id);
        if (progressed) backoff = options.retryMs ?? 1000;
        progressed = false;
        await sleep(backoff, flag);
        backoff = Math.min(options.maxRetryMs ?? 60_000, backoff * 2);
      }
    }
  }

  return {
    /** Names a new file for upload; call inside the transaction that attached it. */
    enqueue: (attachmentId: number) => {
      db.prepare('INSERT OR IGNORE INTO attachment_uploads (attachment_id) VALUES (?)').run(attachmentId);
      setImmediate(() => wake?.());
    },
    start(): void {
      if (loop) return;
      flag.stopped = false;
      loop = run().finally(() => (loop = null));
    },
    async stop(): Promise<void> {
      flag.stopped = true;
      wake?.();
      await loop;
    },
    /** Files not yet whole at the district. */
    pending: (): number => (db.prepare('SELECT count(*) AS n FROM attachment_uploads WHERE done_at IS NULL').get() as { n: number }).n,
    stats: () => ({ ...stats }),
  };
}
export type AttachmentUploader = ReturnType<typeof createAttachmentUploader>;
