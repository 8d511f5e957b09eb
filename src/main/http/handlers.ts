import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/api';
import type { Authenticated } from '../services/auth';
import type { Actor } from '../services/queue';
import type { Hub } from '../services';
import { renderTicketPdf } from '../services/documents/ticketPdf';
import { supervisorHandlers } from './supervisorHandlers';
import { actorOf } from '../services/audit';
import { createSettingsAuditHandlers } from './settingsAuditHandlers';
import { kioskScanHandlers } from './kioskScanHandlers';
import { thermalPrintingHandlers } from './thermalPrintingHandlers';
import { index766Handlers } from './index766Handlers';
import { formsHandlers } from './formsHandlers';
import { createSyncHandlers } from './syncHandlers';
import { attachmentHandlers } from './attachmentHandlers';
import type { Handlers } from './handlerTypes';
import { createCatalogueImportHandlers } from './catalogueImportHandlers';

/** The clerk behind a staff route (the route's roles already excluded devices). */
function actor(auth: Authenticated | null): Actor {
  if (auth?.principal.kind !== 'clerk') throw new AppError(403, 'FORBIDDEN', 'Only a logged-in clerk can do this.');
  return { clerkId: auth.principal.clerkId, sessionId: auth.principal.sessionId, counterId: auth.counterId };
}

/** Thin: each handler maps a request onto one service call. */
export function createHandlers(hub: Hub): Handlers {
  const { queue, auth, admin, catalogue } = hub;
  /** A settings change and its audit entry in one transaction. */
  const audited = <T>(who: Authenticated | null, action: string, target: string, fn: () => T, after?: object) =>
    hub.audit.audited(actorOf(who?.principal), action, target, fn, () => (after ? { after } : null));
  const ticketPdf = async (id: number, lang: 'vi' | 'en') => {
    const issued = queue.ticketInfo(id);
    return { issued, pdf: await renderTicketPdf({ officeName: hub.store.settings.office().name, issued, lang, timeZone: hub.clock.timeZone }) };
  };
  return {
    health: () => ({ ok: true, version: hub.version, schemaVersion: hub.schemaVersion, officeDay: hub.clock.officeDay(), time: hub.clock.now() }),
    login: ({ body, req }) => auth.login(body.username, body.pin, req.ip),
    logout: ({ auth: who }) => {
      const a = actor(who);
      auth.logout(a.sessionId);
      queue.leave(a.clerkId);
      return { ok: true as const };
    },
    changePin: async ({ body, auth: who, req }) => {
      const a = actor(who);
      await auth.changePin({ clerkId: a.clerkId, sessionId: a.sessionId, pinChangeRequired: who!.pinChangeRequired }, body.oldPin, body.newPin, req.ip);
      return { ok: true as const };
    },
    me: ({ auth: who }) => {
      const p = who!.principal;
      if (p.kind === 'device') return { kind: 'device' as const, role: p.role, name: p.name, counterId: null };
      const clerk = hub.store.clerks.get(p.clerkId)!;
      return {
        kind: 'clerk' as const,
        role: p.role,
        name: clerk.fullName,
        clerk: { id: clerk.id, username: clerk.username, fullName: clerk.fullName, role: clerk.role, active: clerk.active },
        counterId: who!.counterId,
      };
    },
    verifyAdminPin: async ({ body }) => ({ ok: await auth.verifyAdminPin(body.pin) }),
    localEnrol: ({ body, req }) => auth.localEnrol(header(req, 'x-motcua-local-secret'), body.role, body.name),
    pair: ({ body }) => auth.pair(body.code),

    office: () => queue.board().office,
    services: () => hub.store.services.active(),
    display: () => queue.board(),

    issueTicket: ({ body, auth: who }) => queue.issue({ serviceId: body.serviceId, priority: body.priority, source: who?.principal.kind === 'device' ? 'kiosk' : 'counter' }),
    ticketPdf: async ({ params, query, reply }) => {
      const { issued, pdf } = await ticketPdf(params.id, query.lang);
      return sendPdf(reply, { filename: `ticket-${issued.ticket.number}.pdf`, pdf });
    },

    procedures: ({ query }) => catalogue.search(query),
    procedure: ({ params }) => catalogue.get(params.code),
    procedureFields: () => catalogue.fields(),

    registerDossier: ({ body, auth: who }) => hub.dossiers.register(actor(who), body),
    dossiers: ({ query }) => hub.dossiers.list(query),
    dossier: ({ params }) => hub.dossiers.get(params.code),
    refuseDossier: ({ params, body, auth: who }) => hub.dossiers.refuse(actor(who), params.code, body.reason),
    requestSupplement: ({ params, body, auth: who }) => hub.dossiers.requestSupplement(actor(who), params.code, body.items, body.reason),
    supplementReceived: ({ params, body, auth: who }) => hub.dossiers.supplementReceived(actor(who), params.code, body.note),
    withdrawDossier: ({ params, body, auth: who }) => hub.dossiers.withdraw(actor(who), params.code, body.reason),
    resultReady: ({ params, body, auth: who }) => hub.dossiers.resultReady(actor(who), params.code, body.note),
    handBack: ({ params, body, auth: who }) => hub.dossiers.handBack(actor(who), params.code, body.scanned),
    dossierReceiptPdf: async ({ params, query, reply }) => sendPdf(reply, await hub.dossierDocuments.render(params.code, 'receipt', query.paper)),
    dossierSlipPdf: async ({ params, reply }) => sendPdf(reply, await hub.dossierDocuments.render(params.code, params.kind)),
    dossierApology: ({ params, body, auth: who }) => hub.dossiers.apologise(actor(who), params.code, body.reason, body.newDueAt),
    printDossierDocument: async ({ params, body }) => {
      const { pdf } = await hub.dossierDocuments.render(params.code, body.document, body.paper);
      await hub.printing.print(pdf, { printer: body.printer, copies: body.copies, jobName: `MotCua ${body.document} ${params.code}` });
      return { ok: true as const };
    },

    printTicket: async ({ params, body }) => {
      const { issued, pdf } = await ticketPdf(params.id, body.lang);
      await hub.printing.print(pdf, { printer: body.printer, jobName: `MotCua ticket ${issued.ticket.number}` });
      return { ok: true as const };
    },
    printers: () => hub.printing.printers(),
    printTestPage: async ({ body }) => {
      await hub.printing.testPage(body.printer);
      return { ok: true as const };
    },

    counters: () => admin.counters(),
    openCounter: ({ params, auth: who }) => queue.openCounter(actor(who), params.id),
    counterState: ({ params, auth: who }) => queue.counterState(actor(who), params.id),
    callNext: ({ params, auth: who }) => queue.callNext(actor(who), params.id),
    pauseCounter: ({ params, body, auth: who }) => queue.pause(actor(who), params.id, body.paused),
    recall: ({ params, auth: who }) => queue.recall(actor(who), params.id),
    noShow: ({ params, auth: who }) => queue.noShow(actor(who), params.id),
    start: ({ params, auth: who }) => queue.start(actor(who), params.id),
    finish: ({ params, auth: who }) => queue.finish(actor(who), params.id),
    transfer: ({ params, body, auth: who }) => queue.transfer(actor(who), params.id, body.serviceId),
    requeue: ({ params, auth: who }) => {
      queue.requeue(actor(who), params.id);
      return { ok: true as const };
    },

    adminOffice: ({ body, auth: who }) => audited(who, 'settings.office', 'settings:office', () => admin.setOffice(body), body),
    adminSettings: () => admin.settings(),
    adminSettingsUpdate: ({ body, auth: who }) => audited(who, 'settings.queue', 'settings:queue', () => admin.setSettings(body), body),
    adminServices: () => admin.services(),
    adminServiceCreate: ({ body, auth: who }) => audited(who, 'settings.service', `service:${body.prefix}`, () => admin.createService(body), body),
    adminServiceUpdate: ({ params, body, auth: who }) => audited(who, 'settings.service', `service:${params.id}`, () => admin.updateService(params.id, body), body),
    adminCounterCreate: ({ body, auth: who }) => audited(who, 'settings.counter', `counter:${body.number}`, () => admin.createCounter(body), body),
    adminCounterUpdate: ({ params, body, auth: who }) => audited(who, 'settings.counter', `counter:${params.id}`, () => admin.updateCounter(params.id, body), body),
    adminClerks: () => admin.clerks(),
    adminClerkCreate: ({ body, auth: who }) => admin.createClerk(body, actorOf(who?.principal)),
    adminClerkUpdate: ({ params, body, auth: who }) => admin.updateClerk(params.id, body, actorOf(who?.principal)),
    adminDocumentSettings: () => hub.store.settings.documents(),
    adminDocumentSettingsUpdate: ({ body, auth: who }) => {
      audited(who, 'settings.documents', 'settings:documents', () => hub.store.settings.setDocuments(body), body);
      return hub.store.settings.documents();
    },
    adminOfficeHours: () => hub.calendar.officeHours(),
    adminOfficeHoursUpdate: ({ body, auth: who }) => audited(who, 'settings.office_hours', 'settings:office_hours', () => hub.calendar.setOfficeHours(body), body),
    adminCalendarDays: ({ query }) => hub.calendar.days(query.year),
    adminCalendarDaySet: ({ params, body, auth: who }) => audited(who, 'settings.calendar_day', `calendar:${params.date}`, () => hub.calendar.setDay(params.date, body), body),
    adminCalendarDayRemove: ({ params, auth: who }) => {
      audited(who, 'settings.calendar_day', `calendar:${params.date}`, () => hub.calendar.removeDay(params.date));
      return { ok: true as const };
    },
    adminDevices: () => admin.devices(),
    adminPairingCode: ({ body, auth: who }) => auth.createPairingCode(body.role, body.name, actorOf(who?.principal)),
    adminRevokeDevice: ({ params, auth: who }) => {
      admin.revokeDevice(params.id, actorOf(who?.principal));
      return { ok: true as const };
    },
    ...supervisorHandlers(hub),
    ...createSettingsAuditHandlers(hub),
    ...kioskScanHandlers(hub),
    ...thermalPrintingHandlers(hub),
    ...index766Handlers(hub),
    ...createSyncHandlers(hub),
    ...formsHandlers(hub),
    ...createCatalogueImportHandlers(hub),
    ...attachmentHandlers(hub),
  };
}

/** A PDF answer, shown inline and never cached (a reprint must show the dossier as it is now). */
function sendPdf(reply: FastifyReply, doc: { filename: string; pdf: Buffer }): unknown {
  void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${doc.filename}"`).header('cache-control', 'no-store');
  return doc.pdf;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}
