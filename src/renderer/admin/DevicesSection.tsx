import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatClock, formatDateTime } from '../app/format';
import { useNow } from '../app/hooks';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import { DEVICE_ROLES, type AdminDevice, type Device, type DeviceRole, type PairingCode } from '../../shared/api';
import { DataTable, EditButton, Field, FormActions, SectionHead, useResource, useSave } from './common';
import { DeviceEditDialog } from './DeviceEditDialog';

export function DevicesSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminDeviceList'), []);
  const { data, error, reload } = useResource(load, onAuthError);
  const [pairing, setPairing] = useState(false);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const [editing, setEditing] = useState<AdminDevice | null>(null);
  const list = [...(data ?? [])].sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.createdAt - a.createdAt);

  return (
    <div className="admin-section">
      <SectionHead title={t('admin.tabs.devices')} lead={t('admin.devices.lead')} action={t('admin.devices.pair')} onAction={() => setPairing(true)} />
      <FormError error={error} />
      <DataTable
        columns={[t('admin.devices.name'), t('admin.devices.role'), t('admin.devices.printer'), t('admin.devices.created'), t('admin.devices.lastSeen'), t('admin.status')]}
        empty={data && list.length === 0 ? t('admin.devices.none') : null}
      >
        {list.map((d) => (
          <tr key={d.id} className={d.revoked ? 'is-off' : ''}>
            <td>{d.name}</td>
            <td>{t(`roles.${d.role}`)}</td>
            <td>{d.printer ?? <span className="muted">{t('admin.devices.printerDefault')}</span>}</td>
            <td>{formatDateTime(d.createdAt)}</td>
            <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : <span className="muted">{t('admin.devices.never')}</span>}</td>
            <td>{d.revoked ? <span className="pill pill--off">{t('admin.devices.revoked')}</span> : <span className="pill pill--ok">{t('admin.active')}</span>}</td>
            <td className="row-actions">
              {!d.revoked && <EditButton name={d.name} onClick={() => setEditing(d)} />}
              {!d.revoked && (
                <button type="button" className="btn btn--small btn--danger" onClick={() => setRevoking(d)} aria-label={t('admin.devices.revokeItem', { name: d.name })}>
                  {t('admin.devices.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {pairing && (
        <PairDialog
          onClose={() => {
            setPairing(false);
            reload();
          }}
          onAuthError={onAuthError}
        />
      )}
      {editing && (
        <DeviceEditDialog
          device={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onAuthError={onAuthError}
        />
      )}
      {revoking && (
        <RevokeDialog
          device={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            reload();
          }}
          onAuthError={onAuthError}
        />
      )}
    </div>
  );
}

function PairDialog({ onClose, onAuthError }: { onClose: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [name, setName] = useState('');
  const { busy, error, run } = useSave(onAuthError);
  const [code, setCode] = useState<PairingCode | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setCode(await api('adminPairingCode', { body: { role, name } }));
    });
  };

  return (
    <Modal title={t('admin.devices.pairTitle')} onClose={onClose}>
      {code ? (
        <PairingCodeView code={code} onClose={onClose} />
      ) : (
        <form className="admin-form" onSubmit={submit}>
          <p className="muted">{t('admin.devices.pairLead')}</p>
          <fieldset className="role-choice">
            <legend>{t('admin.devices.role')}</legend>
            {DEVICE_ROLES.map((r) => (
              <label key={r} className={`radio-chip${role === r ? ' is-checked' : ''}`}>
                <input type="radio" name="device-role" value={r} checked={role === r} onChange={() => setRole(r)} />
                {t(`roles.${r}`)}
              </label>
            ))}
          </fieldset>
          <Field label={t('admin.devices.name')} hint={t('admin.devices.nameHint')} name="name" error={error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />}
          </Field>
          <FormError error={error} labels={{ name: t('admin.devices.name'), role: t('admin.devices.role') }} />
          <FormActions busy={busy} label={t('admin.devices.createCode')} onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}

function PairingCodeView({ code, onClose }: { code: PairingCode; onClose: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Math.max(0, Math.round((code.expiresAt - now) / 1000));
  const expired = left === 0;
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <div className="pair-code">
      <p>{t('admin.devices.codeFor', { role: t(`roles.${code.role}`), name: code.name })}</p>
      <p className="pair-code__label" id="pair-code-label">
        {t('admin.devices.codeLabel')}
      </p>
      <p className={`pair-code__digits${expired ? ' is-expired' : ''}`} data-code={code.code} data-testid="pairing-code">
        {code.code.slice(0, 3)}
        <span className="pair-code__gap" aria-hidden="true" />
        {code.code.slice(3)}
      </p>
      <p className={expired ? 'form-error' : 'muted'}>
        {expired ? t('admin.devices.expired') : t('admin.devices.expires', { time: formatClock(code.expiresAt, undefined, false), left: `${mm}:${ss}` })}
      </p>
      <p className="muted">{t('admin.devices.codeHowTo', { path: `/${code.role}` })}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onClose}>
          {t('admin.devices.doneCode')}
        </button>
      </div>
    </div>
  );
}

function RevokeDialog({ device, onClose, onDone, onAuthError }: { device: Device; onClose: () => void; onDone: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useSave(onAuthError);
  const revoke = () =>
    run(async () => {
      await api('adminRevokeDevice', { params: { id: device.id } });
      onDone();
    });
  return (
    <Modal title={t('admin.devices.revokeTitle', { name: device.name })} onClose={onClose}>
      <p>{t('admin.devices.revokeLead')}</p>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void revoke()}>
          {t('admin.devices.revokeConfirm')}
        </button>
      </div>
    </Modal>
  );
}
