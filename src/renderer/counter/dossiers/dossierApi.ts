/** The counter's calls for dossiers and the catalogue, in one place, typed from the route table. */
import type { z } from 'zod';
import { api, apiBytes } from '../../app/api';
import type { Dossier, DossierSummary, registerDossierBody } from '../../../shared/api/dossiers';
import type { ProcedureDetail, ProcedureListItem } from '../../../shared/api/catalogue';

export type RegisterDossierInput = z.input<typeof registerDossierBody>;
export type { Dossier, DossierSummary };

export const searchProcedures = (q: string, signal?: AbortSignal): Promise<ProcedureListItem[]> =>
  api('procedures', { query: { q, limit: 12 }, signal }).then((r) => r.items);

export const getProcedure = (code: string): Promise<ProcedureDetail> => api('procedure', { params: { code } });

export const registerDossier = (body: RegisterDossierInput): Promise<Dossier> => api('registerDossier', { body });

export const listDossiers = (q: string, signal?: AbortSignal): Promise<DossierSummary[]> => api('dossiers', { query: { q, limit: 50 }, signal }).then((r) => r.items);

export const getDossier = (code: string): Promise<Dossier> => api('dossier', { params: { code } });

export const refuseDossier = (code: string, reason: string): Promise<Dossier> => api('refuseDossier', { params: { code }, body: { reason } });

export const withdrawDossier = (code: string, reason: string): Promise<Dossier> => api('withdrawDossier', { params: { code }, body: { reason } });

export const requestSupplement = (code: string, items: string[], reason: string): Promise<Dossier> => api('requestSupplement', { params: { code }, body: { items, reason } });

export const supplementReceived = (code: string, note: string): Promise<Dossier> => api('supplementReceived', { params: { code }, body: { note } });

export const resultReady = (code: string, note: string): Promise<Dossier> => api('resultReady', { params: { code }, body: { note } });

export const handBack = (code: string, scanned: string): Promise<Dossier> => api('handBack', { params: { code }, body: { scanned } });

/** The receipt and appointment (two copies) as PDF, on the office's paper setting. */
export const receiptPdf = (code: string): Promise<ArrayBuffer> => apiBytes('dossierReceiptPdf', { params: { code } });

/** The supplement-request or refusal slip (and the apology slip of a late dossier) as PDF. */
export const slipPdf = (code: string, kind: 'supplement' | 'refusal' | 'apology'): Promise<ArrayBuffer> => apiBytes('dossierSlipPdf', { params: { code, kind } });

/** A late dossier: a new appointment (office time, epoch ms) and why; the apology slip prints from it. */
export const apologise = (code: string, reason: string, newDueAt: number): Promise<Dossier> => api('dossierApology', { params: { code }, body: { reason, newDueAt } });
