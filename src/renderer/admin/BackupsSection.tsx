import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { BackupInfo, BackupSettings } from '../../shared/api';
import { Check, DataTable, Field, FormActions, SavedNote, useResource, useSave, useSaved } from './common';

const size = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** Backups: where and how often, the backups kept, back up now, restore one. */
export function BackupsSection({ onAuthError, onRestored }: { onAuthError: (err: unknown) => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminBackups'), []);
  const { data, error: loadError, reload } = useResource(load, onAuthError);
  const now = useSave(onAuthError);
  const [made, setMade] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backupNow = () =>
    now.run(async () => {
      setMade(null);
      const b = await api('adminBackupNow', { timeoutMs: 120_000 });
      setMade(b.file);
      reload();
    });

  return (
    <div className="admin-section">
      <div className="admin-section__head">
        <div>
          <h1>{t('admin.tabs.backups')}</h1>
          <p className="muted">{t('backups.lead')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => void backupNow()} disabled={now.busy}>
          {now.busy ? t('backups.running') : t('backups.now')}
        </button>
      </div>
      <FormError error={loadError ?? now.error} />
      {made && (
        <p className="notice notice--ok" role="status">
          {t('backups.done', { file: made })}
        </p>
      )}
      {data?.restoredFromBackup && (
        <p className="notice" role="status">
          {t('backups.restoredNotice', { restoredAt: formatDateTime(data.restoredFromBackup.restoredAt), takenAt: formatDateTime(data.restoredFromBackup.backupTakenAt) })}
        </p>
      )}
      {data && (
        <>
          <div className="backup-status">
            <p>
              {t('backups.inUse', { folder: '' })}
              <code>{data.folder}</code>
            </p>
            {data.sameDisk && (
              <p className="form-error" role="alert">
                {t('backups.sameDisk')}
              </p>
            )}
            <p className="muted">{data.nextDueAt !== null ? t('backups.nextDue', { time: formatDateTime(data.nextDueAt) }) : t('backups.off')}</p>
            {data.lastError && (
              <p className="form-error" role="alert">
                {t('backups.lastError', { time: formatDateTime(data.lastError.at), message: data.lastError.message })}
              </p>
            )}
          </div>
          <SettingsForm settings={data.settings} onAuthError={onAuthError} onSaved={reload} />
          <section className="admin-subsection" aria-labelledby="backups-list-title">
            <h2 id="backups-list-title">{t('backups.listTitle')}</h2>
            <DataTable columns={[t('backups.takenAt'), t('backups.file'), t('backups.size'), t('backups.kind')]} empty={data.backups.length === 0 ? t('backups.none') : null}>
              {data.backups.map((b) => (
                <tr key={b.file}>
                  <td className="nowrap">{formatDateTime(b.takenAt)}</td>
                  <td className="mono">{b.file}</td>
                  <td>{size(b.size)}</td>
                  <td>{b.manual ? t('backups.manual') : t('backups.scheduled')}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn--small btn--danger" onClick={() => setRestoring(b)} aria-label={t('backups.restoreItem', { time: formatDateTime(b.takenAt) })}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        </>
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onAuthError={onAuthError} onRestored={onRestored} />}
    </div>
  );
}

function SettingsForm({ settings, onAuthError, onSaved }: { settings: BackupSettings; onAuthError: (err: unknown) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [intervalHours, setIntervalHours] = useState(String(settings.intervalHours));
  const [keep, setKeep] = useState(String(settings.keep));
  const { busy, error, run } = useSave(onAuthError);
  const [saved, markSaved] = useSaved();
  useEffect(() => {
    setEnabled(settings.enabled);
    setFolder(settings.folder ?? '');
    setIntervalHours(String(settings.intervalHours));
    setKeep(String(settings.keep));
  }, [settings]);
  const labels = { enabled: t('backups.enabled'), folder: t('backups.folder'), intervalHours: t('backups.interval'), keep: t('backups.keep') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('adminBackupSettingsUpdate', { body: { enabled, folder: folder.trim() || null, intervalHours: Number(intervalHours), keep: Number(keep) } });
      markSaved();
      onSaved();
    });
  };
  return (
    <section className="admin-subsection" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('backups.settingsTitle')}</h2>
      <form className="admin-form admin-form--grid" onSubmit={submit}>
        <Field label={labels.folder} hint={t('backups.folderHint')} name="folder" error={error}>
          {(p) => <input {...p} value={folder} onChange={(e) => setFolder(e.target.value)} maxLength={400} spellCheck={false} className="mono" />}
        </Field>
        <div className="admin-fieldset">
          <Check checked={enabled} onChange={setEnabled}>
            {labels.enabled}
          </Check>
        </div>
        <Field label={labels.intervalHours} name="intervalHours" error={error}>
          {(p) => <input {...p} type="number" min={1} max={168} value={intervalHours} onChange={(e) => setIntervalHours(e.target.value)} />}
        </Field>
        <Field label={labels.keep} name="keep" error={error}>
          {(p) => <input {...p} type="number" min={1} max={365} value={keep} onChange={(e) => setKeep(e.target.value)} />}
        </Field>
        <FormError error={error} labels={labels} />
        <FormActions busy={busy}>
          <SavedNote show={saved} />
        </FormActions>
      </form>
    </section>
  );
}

function RestoreDialog({ backup, onClose, onAuthError, onRestored }: { backup: BackupInfo; onClose: () => void; onAuthError: (err: unknown) => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useSave(onAuthError);
  const [phase, setPhase] = useState<'ask' | 'restarting' | 'done'>('ask');
  const restore = () =>
    run(async () => {
      await api('adminBackupRestore', { body: { file: backup.file } });
      setPhase('restarting');
      // The hub closes, restores and starts again: wait until it answers.
      await new Promise((r) => setTimeout(r, 800));
      for (let i = 0; i < 60; i++) {
        try {
          await api('health', { token: null, timeoutMs: 2000 });
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      setPhase('done');
    });
  return (
    <Modal title={t('backups.restoreTitle', { time: formatDateTime(backup.takenAt) })} onClose={phase === 'ask' ? onClose : () => undefined}>
      {phase === 'ask' && (
        <>
          <p>{t('backups.restoreLead')}</p>
          <p className="mono">{backup.file}</p>
          <FormError error={error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void restore()}>
              {t('backups.restoreConfirm')}
            </button>
          </div>
        </>
      )}
      {phase === 'restarting' && (
        <p role="status" className="notice">
          {t('backups.restarting')}
        </p>
      )}
      {phase === 'done' && (
        <>
          <p role="status" className="notice notice--ok">
            {t('backups.restarted')}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={onRestored}>
              {t('admin.devices.doneCode')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
