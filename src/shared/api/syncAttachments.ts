import { z } from 'zod';

/** Uploading digitised files to the district (issue 15; docs/sync-protocol.md "Files"). */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

export const attachmentBeginBody = z.object({
  uid: z.string().uuid(),
  dossierCode: z.string().min(1).max(60),
  kind: z.enum(['component', 'result']),
  position: z.number().int().nullable(),
  name: z.string().min(1).max(300),
  pages: z.number().int().min(1),
  size: z.number().int().positive(),
  createdAt: z.number().int(),
});
export const attachmentChunkBody = z.object({
  offset: z.number().int().min(0),
  data: z.string().max(Math.ceil((ATTACHMENT_CHUNK_BYTES * 4) / 3) + 8),
  chunkSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const attachmentProgress = z.object({ received: z.number().int(), done: z.boolean() });

/** Spread into SYNC_ERROR_CODES. */
export const ATTACHMENT_SYNC_ERROR_CODES = ['UNKNOWN_UPLOAD', 'CHUNK_OUT_OF_ORDER', 'CHUNK_HASH_MISMATCH', 'UPLOAD_HASH_MISMATCH'] as const;
