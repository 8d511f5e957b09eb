import { api, apiBytes } from '../../../app/api';
import type { AddAttachmentBody, Attachment, AttachmentList } from '../../../../shared/api/attachments';

export type { Attachment, AttachmentList };
export const listAttachments = (code: string): Promise<AttachmentList> => api('dossierAttachments', { params: { code } });
export const addAttachment = (code: string, body: AddAttachmentBody): Promise<Attachment> => api('addDossierAttachment', { params: { code }, body });
export const removeAttachment = (code: string, id: number, reason: string): Promise<Attachment> => api('removeDossierAttachment', { params: { code, id }, body: { reason } });
export const attachmentPdf = (code: string, id: number): Promise<ArrayBuffer> => apiBytes('dossierAttachmentFile', { params: { code, id } });
export const scanPage = (): Promise<{ image: string; width: number; height: number }> => api('scanPage');

/** base64 of a Blob or file, without the data: prefix. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
