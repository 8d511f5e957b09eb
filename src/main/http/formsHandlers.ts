import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/api';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function file(reply: FastifyReply, type: string, disposition: 'inline' | 'attachment', name: string, bytes: Buffer): Buffer {
  void reply.header('content-type', type).header('content-disposition', `${disposition}; filename="${name}"`).header('cache-control', 'no-store');
  return bytes;
}

/** Handlers of src/shared/api/formsRoutes.ts: one service call each. */
export function formsHandlers(hub: Hub): Pick<Handlers, 'dossierFormPdf' | 'stopDossier' | 'trackingBookPdf' | 'trackingBookXlsx' | 'formSettings' | 'formSettingsUpdate'> {
  const docs = hub.dossierDocuments;
  return {
    dossierFormPdf: async ({ params, query, reply }) => {
      const d = await docs.renderForm(params.code, params.form, query.paper);
      return file(reply, 'application/pdf', 'inline', d.filename, d.pdf);
    },
    stopDossier: ({ params, body, auth }) => {
      if (auth?.principal.kind !== 'clerk') throw new AppError(403, 'FORBIDDEN', 'Only a logged-in clerk can do this.');
      return hub.dossiers.stop({ clerkId: auth.principal.clerkId, sessionId: auth.principal.sessionId, counterId: auth.counterId }, params.code, body.reason);
    },
    trackingBookPdf: async ({ query, reply }) => file(reply, 'application/pdf', 'inline', `mau07-so-theo-doi-${query.from}_${query.to}.pdf`, await docs.trackingBookPdf(query)),
    trackingBookXlsx: async ({ query, reply }) => file(reply, XLSX, 'attachment', `mau07-so-theo-doi-${query.from}_${query.to}.xlsx`, await docs.trackingBookXlsx(query)),
    formSettings: () => docs.settings(),
    formSettingsUpdate: ({ body, auth }) => docs.setSettings(body, actorOf(auth?.principal)),
  };
}
