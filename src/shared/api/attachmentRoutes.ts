import { z } from 'zod';
import { dossierCodeParam } from './dossiers';
import { ATTACHMENT_BODY_LIMIT, addAttachmentBody, attachmentListSchema, attachmentParam, attachmentSchema, digitisingLimitsSchema, removeAttachmentBody, scannedPageSchema } from './attachments';

/** The digitising routes (issue 15), spread into the route table. */
const STAFF = ['clerk', 'admin'] as const;

export const attachmentRoutes = {
  dossierAttachments: { method: 'GET', path: '/dossiers/:code/attachments', roles: STAFF, summary: "A dossier's components, their files (removed ones too) and whether it counts as digitised", params: dossierCodeParam, response: attachmentListSchema },
  addDossierAttachment: {
    method: 'POST',
    path: '/dossiers/:code/attachments',
    roles: STAFF,
    summary: 'Attach a document: captured pages (camera, scanner) become one A4 PDF; a PDF, JPEG or PNG file is checked first',
    params: dossierCodeParam,
    body: addAttachmentBody,
    response: attachmentSchema,
    bodyLimit: ATTACHMENT_BODY_LIMIT,
  },
  dossierAttachmentFile: { method: 'GET', path: '/dossiers/:code/attachments/:id', roles: STAFF, summary: 'The file (PDF) itself', params: attachmentParam, response: z.unknown(), contentType: 'application/pdf' },
  removeDossierAttachment: { method: 'POST', path: '/dossiers/:code/attachments/:id/remove', roles: STAFF, summary: 'Remove a file from the dossier with a reason (audited; the file is kept)', params: attachmentParam, body: removeAttachmentBody, response: attachmentSchema },
  scanPage: { method: 'POST', path: '/scanner/scan', roles: STAFF, summary: "Scan one page on the hub's scanner (SANE), returned for the clerk to accept", response: scannedPageSchema },
  adminDigitisingLimits: { method: 'GET', path: '/admin/digitising-limits', roles: ['admin'], summary: 'The size and page limits of one digitised document', response: digitisingLimitsSchema },
  adminDigitisingLimitsUpdate: { method: 'PUT', path: '/admin/digitising-limits', roles: ['admin'], summary: 'Change the size and page limits of one digitised document (audited)', body: digitisingLimitsSchema, response: digitisingLimitsSchema },
} as const;
