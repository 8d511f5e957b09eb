import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { FormError } from '../components/FormError';
import { DataTable, Field, FormActions, useResource, useSave } from '../admin/common';
import { syncHealth, useSyncStatus } from './useSyncStatus';
import type { SyncStatus } from '../../shared/api/sync';
import './sync.css';

/** /admin → Sync: enrol with the district server, see how sync is doing, sync now, deal with refused changes. */
/** `children`: what the admin tab adds under the heading (the office's agency code, a restore's notice). */
export function SyncSection({ onAuthError, children }: { onAuthError: (err: unknown) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const { status, error, refresh } = useSyncStatus(5000);
  const { busy, error: nowError, run } = useSave(onAuthError);
  const syncNow = () => void run(async () => {
    await api('syncNow');
    refresh();
  });
  return (
    <div className="admin-section">
      <div className="admin-section__head">
        <div>
          <h1>{t('admin.tabs.district')}</h1>
          <p className="muted">{t('sync.admin.lead')}</p>
        </div>
        {status?.enrolled && (
          <button type="button" className="btn btn--primary" onClick={syncNow} disabled={busy}>
            {busy ? t('sync.admin.syncing') : t('sync.admin.syncNow')}
          </button>
        )}
      </div>
      {children}
      <FormError error={error ?? nowError} />
      {status && !status.enrolled && <EnrolForm onAuthError={onAuthError} onDone={refresh} />}
      {status?.enrolled && <Facts status={status} />}
      {/* Keyed on the count, so the list reloads when a refusal arrives or is dealt with. */}
      {status?.enrolled && <Rejected key={status.rejectedCount} onAuthError={onAuthError} onChange={refresh} />}
    </div>
  );
}

function Facts({ status: s }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const when = (ms: number | null) => (ms ? formatDateTime(ms) : t('sync.admin.never'));
  const health = syncHealth(s);
  const facts: [string, string][] = [
    [t('sync.admin.state'), t(`sync.indicator.${health}`, { count: health === 'rejected' ? s.rejectedCount : s.outboxDepth })],
    [t('sync.admin.server'), s.serverUrl ?? ''],
    [t('sync.admin.office'), s.officeName ?? ''],
    [t('sync.admin.lastPush'), when(s.lastPushAt)],
    [t('sync.admin.lastPull'), when(s.lastPullAt)],
    [t('sync.admin.outbox'), String(s.outboxDepth)],
    [t('sync.admin.oldest'), s.oldestPendingAt ? formatDateTime(s.oldestPendingAt) : '—'],
    [t('sync.admin.rejected'), String(s.rejectedCount)],
    [t('sync.admin.digest'), s.lastDigestOk === null ? '—' : s.lastDigestOk ? t('sync.admin.digestOk') : t('sync.admin.digestBad')],
    [t('sync.admin.epoch'), String(s.epoch ?? '')],
  ];
  return (
    <>
      {s.updateRequired && (
        <p className="notice sync-error" role="alert">
          {t('sync.admin.updateRequired')}
        </p>
      )}
      <dl className="sync-facts">
        {facts.map(([k, v]) => (
          <div className="sync-fact" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {s.lastError && (
        <p className="sync-error">
          {t('sync.admin.lastError')}: {s.lastError}
        </p>
      )}
    </>
  );
}

function EnrolForm({ onAuthError, onDone }: { onAuthError: (err: unknown) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const { busy, error, run } = useSave(onAuthError);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('syncEnrol', { body: { serverUrl: serverUrl.trim(), code: code.trim() } });
      onDone();
    });
  };
  return (
    <form className="sync-enrol" onSubmit={submit}>
      <h2>{t('sync.admin.enrolTitle')}</h2>
      <p className="muted">{t('sync.admin.enrolLead')}</p>
      <Field label={t('sync.admin.serverUrl')} hint={t('sync.admin.serverUrlHint')} error={error} name="serverUrl">
        {(p) => <input {...p} type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required placeholder="https://motcua.example.gov.vn" />}
      </Field>
      <Field label={t('sync.admin.code')} hint={t('sync.admin.codeHint')} error={error} name="code">
        {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />}
      </Field>
      <FormError error={error} />
      <FormActions busy={busy} label={t('sync.admin.enrol')} />
    </form>
  );
}

function Rejected({ onAuthError, onChange }: { onAuthError: (err: unknown) => void; onChange: () => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('syncRejected'), []);
  const { data, reload } = useResource(load, onAuthError);
  const { run } = useSave(onAuthError);
  const items = data?.items ?? [];
  return (
    <>
      <h2>{t('sync.admin.rejectedTitle')}</h2>
      <p className="muted">{t('sync.admin.rejectedLead')}</p>
      <DataTable columns={[t('sync.admin.when'), t('sync.admin.kind'), t('sync.admin.subject'), t('sync.admin.reason'), t('admin.status')]} empty={data && items.length === 0 ? t('sync.admin.noneRejected') : null}>
        {items.map((r) => (
          <tr key={r.seq} className={r.resolvedAt ? 'is-off' : ''}>
            <td>{formatDateTime(r.createdAt)}</td>
            <td>{t(`sync.kinds.${r.kind}`, { defaultValue: r.kind })}</td>
            <td>{r.summary}</td>
            <td>{r.reason}</td>
            <td className="row-actions">
              {r.resolvedAt ? (
                <span className="pill pill--off">{t('sync.admin.resolved')}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={t('sync.admin.resolveItem', { subject: r.summary })}
                  onClick={() =>
                    void run(async () => {
                      await api('syncRejectedResolve', { params: { id: r.seq } });
                      reload();
                      onChange();
                    })
                  }
                >
                  {t('sync.admin.resolve')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
