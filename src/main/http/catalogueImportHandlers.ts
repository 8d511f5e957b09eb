import { AppError } from '../../shared/api';
import type { catalogueImportRoutes } from '../../shared/api/catalogueImportRoutes';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

/** Thin handlers: the raw file body is a preview, a JSON {previewId, hash} is the apply of that preview. */
export function createCatalogueImportHandlers(hub: Hub): Pick<Handlers, keyof typeof catalogueImportRoutes> {
  return {
    adminCatalogueImport: async ({ body, query, auth }) =>
      body instanceof Uint8Array ? hub.catalogueImport.preview(body, query.fileName) : hub.catalogueImport.apply(body, actorOf(auth?.principal)),
    procedureVersions: ({ params }) => {
      const code = params.code.toUpperCase();
      const versions = hub.store.catalogue.versions.list(code);
      if (versions.length === 0) throw new AppError(404, 'UNKNOWN_PROCEDURE', `There is no procedure with code ${code.slice(0, 40)}.`);
      return versions;
    },
    adminAgencyCodes: () => hub.agencyCodes.history(),
  };
}
