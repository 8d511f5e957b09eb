import { AppError, type ProcedureDetail, type ProcedureField, type ProcedureSearchQuery } from '../../shared/api';
import type { Store } from '../db/store';

/** The procedure catalogue as the kiosk and the counter read it. */
export function createCatalogueService(store: Store) {
  return {
    search: (query: ProcedureSearchQuery) => ({ items: store.catalogue.search(query) }),
    get: (code: string): ProcedureDetail => {
      const p = store.catalogue.get(code);
      if (!p) throw new AppError(404, 'UNKNOWN_PROCEDURE', `There is no procedure with code ${code.slice(0, 40)}.`);
      return p;
    },
    fields: (): ProcedureField[] => store.catalogue.fields(),
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
