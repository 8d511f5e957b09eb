import { AppError } from '../../shared/api';
import type { Hub } from '../services';
import type { Authenticated } from '../services/auth';
import type { Actor } from '../services/queue';
import type { Handlers } from './handlerTypes';
import { actorOf } from '../services/audit';

type AttachmentRouteName = 'dossierAttachments' | 'addDossierAttachment' | 'dossierAttachmentFile' | 'removeDossierAttachment' | 'scanPage' | 'adminDigitisingLimits' | 'adminDigitisingLimitsUpdate';

function clerk(auth: Authenticated | null): Actor {
  if (auth?.principal.kind !== 'clerk') throw new AppError(403, 'FORBIDDEN', 'Only a logged-in clerk can do this.');
  return { clerkId: auth.principal.clerkId, sessionId: auth.principal.sessionId, counterId: auth.counterId };
}

/** Thin: the digitising routes onto hub.attachments. */
export function attachmentHandlers(hub: Hub): Pick<Handlers, AttachmentRouteName> {
  const a = hub.attachments;
  return {
    dossierAttachments: ({ params }) => a.list(params.code),
    addDossierAttachment: ({ params, body, auth }) => a.add(clerk(auth), params.code, body),
    dossierAttachmentFile: ({ params, reply }) => {
      const f = a.file(params.code, params.id);
      void reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="attachment-${params.id}.pdf"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('cache-control', 'no-store');
      return f.bytes;
    },
    removeDossierAttachment: ({ params, body, auth }) => a.remove(clerk(auth), params.code, params.id, body.reason),
    scanPage: () => a.scanPage(),
    adminDigitisingLimits: () => a.limits(),
    adminDigitisingLimitsUpdate: ({ body, auth }) => a.setLimits(body, actorOf(auth?.principal)),
  };
}
