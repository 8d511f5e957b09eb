import type { Store } from '../db/store';
import { clerkActor } from './audit';

/** Audits a refusal, withdrawal or hand-back inside the dossier's own transaction (called from its `after` step). */
export function auditDossier(store: Store, action: 'dossier.refused' | 'dossier.handed_back' | 'dossier.withdrawn', clerkId: number, code: string, at: number, detail: Record<string, unknown>): void {
  store.audit.record({ at, action, actor: clerkActor(store, clerkId), target: `dossier:${code}`, detail });
}
