import type { FastifyReply } from 'fastify';
import type { Hub } from '../services';
import type { Handlers } from './handlerTypes';
import { renderIndex766Pdf, renderIndex766Xlsx } from '../services/supervisor/index766Reports';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thin: the 766 tab's routes onto hub.index766 and its reports. */
export function index766Handlers(hub: Hub): Pick<Handlers, 'index766' | 'index766Xlsx' | 'index766Pdf'> {
  const file = (reply: FastifyReply, type: string, name: string, bytes: Buffer) => {
    void reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return bytes;
  };
  const report = (q: { from: string; to: string; lang: 'vi' | 'en' }) => ({ index: hub.index766.compute(q), officeName: hub.store.settings.office().name, lang: q.lang });
  return {
    index766: ({ query }) => hub.index766.compute(query),
    index766Xlsx: async ({ query, reply }) => file(reply, XLSX, `chi-so-766-${query.from}_${query.to}.xlsx`, await renderIndex766Xlsx(report(query))),
    index766Pdf: async ({ query, reply }) => file(reply, 'application/pdf', `chi-so-766-${query.from}_${query.to}.pdf`, await renderIndex766Pdf(report(query))),
  };
}
