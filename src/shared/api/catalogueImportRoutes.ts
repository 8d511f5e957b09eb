import { z } from 'zod';
import * as c from './catalogue';
import * as i from './catalogueImport';

const ADMIN = ['admin'] as const;
const STAFF = ['clerk', 'admin'] as const;

/** Catalogue import and versions, and the office's agency-code history (issue 12 §2). */
export const catalogueImportRoutes = {
  adminCatalogueImport: {
    method: 'POST',
    path: '/admin/catalogue/import',
    roles: ADMIN,
    summary: "Import the province's catalogue: send the xlsx/csv file as the raw body for a preview that changes nothing, then {previewId, hash} (JSON) to apply that preview",
    query: i.catalogueImportQuery,
    body: i.catalogueImportBody,
    response: i.catalogueImportResponse,
  },
  procedureVersions: { method: 'GET', path: '/procedures/:code/versions', roles: STAFF, summary: 'Every version of a procedure, newest first (a dossier keeps the one it was received under)', params: c.procedureCodeParam, response: z.array(i.procedureVersionSchema) },
  adminAgencyCodes: { method: 'GET', path: '/admin/agency-codes', roles: ADMIN, summary: "The office's agency codes and the office days each was in force", response: z.array(i.agencyCodePeriodSchema) },
} as const;
