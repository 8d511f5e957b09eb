import type { FastifyReply } from 'fastify';
import type { RouteName } from '../../shared/api';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

type Mine = 'screenSettings' | 'adminVoiceSettings' | 'adminVoiceSettingsUpdate' | 'adminLanguageSettings' | 'adminLanguageSettingsUpdate' | 'adminDeviceList' | 'adminDeviceUpdate' | 'adminAudit' | 'adminAuditCsv' | 'adminBackups' | 'adminBackupSettingsUpdate' | 'adminBackupNow' | 'adminBackupRestore';

/** Handlers of src/shared/api/settingsAuditRoutes.ts: one service call each. */
export function createSettingsAuditHandlers(hub: Hub): Pick<Handlers, Mine & RouteName> {
  const { officeSettings, audit, backups } = hub;
  return {
    screenSettings: ({ auth }) => officeSettings.screen(auth?.principal),
    adminVoiceSettings: () => officeSettings.voice(),
    adminVoiceSettingsUpdate: ({ body, auth }) => officeSettings.setVoice(body, actorOf(auth?.principal)),
    adminLanguageSettings: () => officeSettings.languages(),
    adminLanguageSettingsUpdate: ({ body, auth }) => officeSettings.setLanguages(body, actorOf(auth?.principal)),
    adminDeviceList: () => officeSettings.devices(),
    adminDeviceUpdate: ({ params, body, auth }) => officeSettings.updateDevice(params.id, body, actorOf(auth?.principal)),
    adminAudit: ({ query }) => audit.search(query),
    adminAuditCsv: ({ query, reply }) => {
      const { lang, ...filter } = query;
      return sendCsv(reply, `audit-log-${hub.clock.officeDay()}.csv`, audit.csv(filter, lang));
    },
    adminBackups: () => backups.status(),
    adminBackupSettingsUpdate: ({ body, auth }) => backups.setSettings(body, actorOf(auth?.principal)),
    adminBackupNow: ({ auth }) => backups.backupNow(actorOf(auth?.principal)),
    adminBackupRestore: ({ body, auth, reply }) => {
      const { backup, start } = backups.prepareRestore(body.file, actorOf(auth?.principal));
      // The admin gets the answer first; then the hub closes its store, restores and starts again.
      // 'close' fires once the answer is out, or when the admin's browser went away meanwhile.
      reply.raw.once('close', start);
      return { ok: true as const, restarting: true as const, backup };
    },
  };
}

function sendCsv(reply: FastifyReply, filename: string, csv: Buffer): unknown {
  void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
  return csv;
}
