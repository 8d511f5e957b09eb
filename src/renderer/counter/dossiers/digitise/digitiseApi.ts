import { api, ApiError, apiBytes } from '../../../app/api';
import type { AddAttachmentBody, Attachment, AttachmentList } from '../../../../shared/api/attachments';

export type { Attachment, AttachmentList };
export const listAttachments = (code: string): Promise<AttachmentList> => api('dossierAttachments', { params: { code } });
export const addAttachment = (code: string, body: AddAttachmentBody): Promise<Attachment> => api('addDossierAttachment', { params: { code }, body });
export const removeAttachment = (code: string, id: number, reason: string): Promise<Attachment> => api('removeDossierAttachment', { params: { code, id }, body: { reason } });
export const attachmentPdf = (code: string, id: number): Promise<ArrayBuffer> => apiBytes('dossierAttachmentFile', { params: { code, id } });
/**
 * One scanned page: the counter PC's own WIA scanner when the desktop app offers it (Windows), else
 * the hub's SANE scanner. A bridge that answers "no WIA here" (Electron on Linux) falls back too;
 * a real scanner fault is shown with the same codes as the hub's.
 */
export async function scanPage(): Promise<{ image: string; width: number; height: number }> {
  const wia = await window.motcua?.wiaScan?.();
  if (wia?.ok) return { image: wia.image, width: wia.width, height: wia.height };
  if (wia && wia.code !== 'SCANNER_UNAVAILABLE') throw new ApiError(409, wia.code, wia.message);
  return api('scanPage');
}

/** base64 of a Blob or file, without the data: prefix. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
