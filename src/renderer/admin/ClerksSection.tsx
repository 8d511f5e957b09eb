import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { Clerk, ClerkRole } from '../../shared/api';
import { compareText } from '../../shared/domain/collate';
import { Check, DataTable, EditButton, Field, FormActions, SectionHead, YesNo, useResource, useSave } from './common';

type Editing = { kind: 'new' } | { kind: 'edit'; clerk: Clerk } | { kind: 'pin'; clerk: Clerk };

export function ClerksSection({ onAuthError, currentClerkId }: { onAuthError: (err: unknown) => void; currentClerkId: number }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminClerks'), []);
  const { data, error, reload } = useResource(load, onAuthError);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = [...(data ?? [])].sort((a, b) => compareText(a.username, b.username));
  const done = () => {
    setEditing(null);
    reload();
  };

  return (
    <div className="admin-section">
      <SectionHead title={t('admin.tabs.clerks')} lead={t('admin.clerks.lead')} action={t('admin.clerks.add')} onAction={() => setEditing({ kind: 'new' })} />
      <FormError error={error} />
      <DataTable columns={[t('admin.clerks.username'), t('admin.clerks.fullName'), t('admin.clerks.role'), t('admin.status')]} empty={data && list.length === 0 ? t('admin.empty') : null}>
        {list.map((c) => (
          <tr key={c.id} className={c.active ? '' : 'is-off'}>
            <td className="mono">
              {c.username}
              {c.id === currentClerkId && <span className="pill">{t('admin.clerks.you')}</span>}
            </td>
            <td>{c.fullName}</td>
            <td>{t(`roles.${c.role}`)}</td>
            <td>
              <YesNo value={c.active} />
            </td>
            <td className="row-actions">
              <EditButton name={c.username} onClick={() => setEditing({ kind: 'edit', clerk: c })} />
              <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: 'pin', clerk: c })} aria-label={t('admin.clerks.resetPinFor', { name: c.username })}>
                {t('admin.clerks.resetPin')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {editing?.kind === 'new' && <ClerkForm clerk={null} onClose={() => setEditing(null)} onSaved={done} onAuthError={onAuthError} />}
      {editing?.kind === 'edit' && <ClerkForm clerk={editing.clerk} onClose={() => setEditing(null)} onSaved={done} onAuthError={onAuthError} />}
      {editing?.kind === 'pin' && <PinForm clerk={editing.clerk} onClose={() => setEditing(null)} onSaved={done} onAuthError={onAuthError} />}
    </div>
  );
}

function ClerkForm({ clerk, onClose, onSaved, onAuthError }: { clerk: Clerk | null; onClose: () => void; onSaved: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(clerk?.username ?? '');
  const [fullName, setFullName] = useState(clerk?.fullName ?? '');
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<ClerkRole>(clerk?.role ?? 'clerk');
  const [active, setActive] = useState(clerk?.active ?? true);
  const { busy, error, run } = useSave(onAuthError);
  const labels = { username: t('admin.clerks.username'), fullName: t('admin.clerks.fullName'), pin: t('admin.clerks.pin'), role: t('admin.clerks.role'), active: t('admin.active') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (clerk) await api('adminClerkUpdate', { params: { id: clerk.id }, body: { fullName, role, active } });
      else await api('adminClerkCreate', { body: { username, fullName, pin, role } });
      onSaved();
    });
  };

  return (
    <Modal title={clerk ? t('admin.clerks.editTitle', { name: clerk.username }) : t('admin.clerks.add')} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        {!clerk && (
          <Field label={labels.username} hint={t('admin.clerks.usernameHint')} name="username" error={error}>
            {(p) => <input {...p} autoComplete="off" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} maxLength={32} />}
          </Field>
        )}
        <Field label={labels.fullName} name="fullName" error={error}>
          {(p) => <input {...p} value={fullName} onChange={(e) => setFullName(e.target.value)} maxLength={120} />}
        </Field>
        {!clerk && (
          <Field label={labels.pin} hint={t('admin.clerks.pinHint')} name="pin" error={error}>
            {(p) => <PinInput {...p} value={pin} onChange={setPin} />}
          </Field>
        )}
        <Field label={labels.role} name="role" error={error}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as ClerkRole)}>
              <option value="clerk">{t('roles.clerk')}</option>
              <option value="admin">{t('roles.admin')}</option>
            </select>
          )}
        </Field>
        {clerk && (
          <Check checked={active} onChange={setActive}>
            {t('admin.clerks.activeLabel')}
          </Check>
        )}
        <FormError error={error} labels={labels} />
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function PinForm({ clerk, onClose, onSaved, onAuthError }: { clerk: Clerk; onClose: () => void; onSaved: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const { busy, error, run } = useSave(onAuthError);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('adminClerkUpdate', { params: { id: clerk.id }, body: { fullName: clerk.fullName, role: clerk.role, active: clerk.active, pin } });
      onSaved();
    });
  };
  return (
    <Modal title={t('admin.clerks.resetPinFor', { name: clerk.username })} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        <p className="muted">{t('admin.clerks.resetPinLead', { name: clerk.fullName })}</p>
        <Field label={t('admin.clerks.newPin')} hint={t('admin.clerks.pinHint')} name="pin" error={error}>
          {(p) => <PinInput {...p} value={pin} onChange={setPin} />}
        </Field>
        <FormError error={error} labels={{ pin: t('admin.clerks.newPin') }} />
        <FormActions busy={busy} label={t('admin.clerks.resetPin')} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** A new PIN: digits only, at most 8. */
function PinInput({ value, onChange, ...p }: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; value: string; onChange: (pin: string) => void }) {
  return <input {...p} type="password" inputMode="numeric" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 8))} />;
}
