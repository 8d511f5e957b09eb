import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from './db';
import { SyncError } from './service';
import { attachmentBeginBody, attachmentChunkBody } from '../shared/api/syncAttachments';

/**
 * Digitised files arriving from the offices' hubs (issue 15), stored IN PostgreSQL as bytea rows of
 * one chunk each, not as large objects and not as files beside the server:
 * - the province server keeps no state outside its database (any number of processes behind a load
 *   balancer; one backup, one replica, one permission model covers the files too);
 * - a received chunk is one row committed on its own, so an upload resumes exactly where the last
 *   committed chunk ends, whichever process took it, and a duplicate chunk is a no-op;
 * - large objects would need the lo_* API inside a transaction for every read, pg_dump's blob
 *   handling and their own clean-up (vacuumlo), and PGlite (our embedded default) is the same code.
 * Chunks are at most 1 MiB (TOAST stores them compressed out of line); a whole file is hashed on
 * arrival and kept only if it matches its SHA-256.
 */
export function createAttachmentStore(db: Database) {
  async function upload(officeId: string, sha256: string) {
    const { rows } = await db.query<{ size: string; received: string; done: boolean }>(
      'SELECT size, received, done FROM attachment_files WHERE office_id = $1 AND sha256 = $2',
      [officeId, sha256],
    );
    return rows[0] ? { size: Number(rows[0].size), received: Number(rows[0].received), done: rows[0].done } : null;
  }

  return {
    /** Starts (or resumes) an upload; answers how many bytes are already held. */
    async begin(officeId: string, sha256: string, b: z.output<typeof attachmentBeginBody>): Promise<{ received: number; done: boolean }> {
      await db.query(
        `INSERT INTO attachment_files (office_id, sha256, size, received, done, created_at) VALUES ($1, $2, $3, 0, false, $4)
         ON CONFLICT (office_id, sha256) DO NOTHING`,
        [officeId, sha256, b.size, Date.now()],
      );
      await db.query(
        `INSERT INTO attachment_refs (office_id, uid, sha256, dossier_code, kind, position, name, pages, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (office_id, uid) DO NOTHING`,
        [officeId, b.uid, sha256, b.dossierCode, b.kind, b.position, b.name, b.pages, b.createdAt],
      );
      const u = (await upload(officeId, sha256))!;
      if (u.size !== b.size) throw new SyncError(409, 'UPLOAD_HASH_MISMATCH', `This file was begun with ${u.size} bytes, now ${b.size}.`);
      return { received: u.received, done: u.done };
    },

    /** One chunk at `offset`. A chunk already held is acknowledged again; a gap or a wrong hash is refused and changes nothing. */
    async chunk(officeId: string, sha256: string, b: z.output<typeof attachmentChunkBody>): Promise<{ received: number; done: boolean }> {
      const data = Buffer.from(b.data, 'base64');
      if (crypto.createHash('sha256').update(data).digest('hex') !== b.chunkSha256) throw new SyncError(400, 'CHUNK_HASH_MISMATCH', `The chunk at ${b.offset} does not match its hash; send it again.`);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ size: string; received: string; done: boolean }>('SELECT size, received, done FROM attachment_files WHERE office_id = $1 AND sha256 = $2 FOR UPDATE', [officeId, sha256]);
        const u = rows[0];
        if (!u) throw new SyncError(404, 'UNKNOWN_UPLOAD', 'Begin the upload first.');
        const received = Number(u.received);
        const size = Number(u.size);
        if (b.offset < received) return { received, done: u.done }; // a duplicate: held already
        if (b.offset > received) throw new SyncError(409, 'CHUNK_OUT_OF_ORDER', `Expected the chunk at ${received}.`, { received });
        if (received + data.length > size) throw new SyncError(400, 'CHUNK_OUT_OF_ORDER', 'The chunk runs past the end of the file.', { received });
        await tx.query('INSERT INTO attachment_chunks (office_id, sha256, "offset", data) VALUES ($1, $2, $3, $4)', [officeId, sha256, b.offset, data]);
        const next = received + data.length;
        let done = false;
        if (next === size) {
          const { rows: parts } = await tx.query<{ data: Uint8Array }>('SELECT data FROM attachment_chunks WHERE office_id = $1 AND sha256 = $2 ORDER BY "offset"', [officeId, sha256]);
          const h = crypto.createHash('sha256');
          for (const p of parts) h.update(p.data);
          if (h.digest('hex') !== sha256) {
            await tx.query('DELETE FROM attachment_chunks WHERE office_id = $1 AND sha256 = $2', [officeId, sha256]);
            await tx.query('UPDATE attachment_files SET received = 0 WHERE office_id = $1 AND sha256 = $2', [officeId, sha256]);
            // The transaction commits the reset, so the hub starts the file again from 0.
            return { received: 0, done: false, mismatch: true } as { received: number; done: boolean };
          }
          done = true;
        }
        await tx.query('UPDATE attachment_files SET received = $3, done = $4 WHERE office_id = $1 AND sha256 = $2', [officeId, sha256, next, done]);
        return { received: next, done };
      });
    },

    /** The files of a dossier, for the back office. */
    async ofDossier(code: string) {
      const { rows } = await db.query<{ uid: string; sha256: string; kind: string; position: number | null; name: string; pages: number; size: string; done: boolean; office_id: string }>(
        `SELECT r.uid, r.sha256, r.kind, r.position, r.name, r.pages, f.size, f.done, r.office_id
         FROM attachment_refs r JOIN attachment_files f ON f.office_id = r.office_id AND f.sha256 = r.sha256 WHERE r.dossier_code = $1 ORDER BY r.created_at, r.uid`,
        [code],
      );
      return rows.map((r) => ({ uid: r.uid, sha256: r.sha256, kind: r.kind, position: r.position, name: r.name, pages: r.pages, size: Number(r.size), complete: r.done, officeId: r.office_id }));
    },

    /** A whole file's bytes (only once complete and hash-checked). */
    async file(sha256: string): Promise<Buffer | null> {
      const { rows: f } = await db.query<{ office_id: string }>('SELECT office_id FROM attachment_files WHERE sha256 = $1 AND done ORDER BY office_id LIMIT 1', [sha256]);
      if (!f[0]) return null;
      const { rows } = await db.query<{ data: Uint8Array }>('SELECT data FROM attachment_chunks WHERE office_id = $1 AND sha256 = $2 ORDER BY "offset"', [f[0].office_id, sha256]);
      return Buffer.concat(rows.map((r) => Buffer.from(r.data)));
    },
  };
}

const shaParam = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The hub's signed upload routes and the back office's read routes. */
export function registerAttachmentRoutes(
  app: FastifyInstance,
  db: Database,
  signed: (req: FastifyRequest) => Promise<{ officeId: string }>,
  backOffice: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) {
  const files = createAttachmentStore(db);
  app.post('/sync/v1/attachments/:sha256/begin', async (req) => {
    const auth = await signed(req);
    return files.begin(auth.officeId, shaParam.parse(req.params).sha256, attachmentBeginBody.parse(req.body));
  });
  app.post('/sync/v1/attachments/:sha256/chunk', async (req) => {
    const auth = await signed(req);
    const r = (await files.chunk(auth.officeId, shaParam.parse(req.params).sha256, attachmentChunkBody.parse(req.body))) as { received: number; done: boolean; mismatch?: boolean };
    if (r.mismatch) throw new SyncError(422, 'UPLOAD_HASH_MISMATCH', 'The whole file did not match its hash; it was discarded: send it again from the start.', { received: 0 });
    return r;
  });
  app.register(async (r) => {
    r.addHook('onRequest', backOffice);
    r.get('/back-office/dossiers/:code/attachments', async (req) => files.ofDossier(z.object({ code: z.string().min(1).max(60) }).parse(req.params).code.trim().toUpperCase()));
    r.get('/back-office/attachments/:sha256', async (req, reply) => {
      const bytes = await files.file(shaParam.parse(req.params).sha256);
      if (!bytes) throw new SyncError(404, 'NOT_FOUND', 'No complete file with this hash.');
      return reply.header('content-type', 'application/pdf').header('x-content-sha256', shaParam.parse(req.params).sha256).send(bytes);
    });
  });
  return files;
}
