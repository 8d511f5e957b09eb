import type { FastifyReply } from 'fastify';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

type SupervisorRouteName = 'figures' | 'figuresXlsx' | 'figuresPdf' | 'alerts' | 'supervisorSettings' | 'supervisorSettingsUpdate' | 'ratingPrompt' | 'submitRating';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thin: the supervisor's routes onto hub.supervisor. */
export function supervisorHandlers(hub: Hub): Pick<Handlers, SupervisorRouteName> {
  const s = hub.supervisor;
  const file = (reply: FastifyReply, type: string, name: string, bytes: Buffer) => {
    void reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return bytes;
  };
  return {
    figures: ({ query }) => s.figures(query),
    figuresXlsx: async ({ query, reply }) => file(reply, XLSX, `motcua-${query.from}_${query.to}.xlsx`, await s.xlsx(query)),
    figuresPdf: async ({ query, reply }) => file(reply, 'application/pdf', `motcua-${query.from}_${query.to}.pdf`, await s.pdf(query)),
    alerts: () => s.alerts(),
    supervisorSettings: () => s.settings(),
    supervisorSettingsUpdate: ({ body, auth }) =>
      hub.audit.audited(actorOf(auth?.principal), 'settings.supervisor', 'settings:supervisor', () => s.setSettings(body), () => ({ after: body })),
    ratingPrompt: ({ query }) => s.ratingPrompt(query.counterId),
    submitRating: ({ body }) => s.submitRating(body),
  };
}
