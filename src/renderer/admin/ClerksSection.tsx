import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { Clerk, ClerkRole } from '../../shared/api';
import { Field, YesNo, useResource } from './common';

type Editing = { kind: 'new' } | { kind: 'edit'; clerk: Clerk } | { kind: 'pin'; clerk: Clerk };

export function ClerksSection({ onAuthError, currentClerkId }: { onAuthError: (err: unknown) => void; currentClerkId: number }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminClerks'), []);
  const { data, error, reload } = useResource(load, onAuthError);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = [...(data ?? [])].sort((a, b) => a.username.localeCompare(b.username));
  const done = () => {
    setEditing(null);
    reload();
  };

  return (
    <div className="admin-section">
      <div className="admin-section__head">
        <div>
          <h1>{t('admin.tabs.clerks')}</h1>
          <p className="muted">{t('admin.clerks.lead')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setEditing({ kind: 'new' })}>
          {t('admin.clerks.add')}
        </button>
      </div>
      <FormError error={error} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.clerks.username')}</th>
            <th scope="col">{t('admin.clerks.fullName')}</th>
            <th scope="col">{t('admin.clerks.role')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
                <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: 'edit', clerk: c })} aria-label={t('admin.editItem', { name: c.username })}>
                  {t('admin.edit')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: 'pin', clerk: c })} aria-label={t('admin.clerks.resetPinFor', { name: c.username })}>
                  {t('admin.clerks.resetPin')}
                </button>
              </td>
            </tr>
          ))}
          {data && list.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('admin.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const labels = { username: t('admin.clerks.username'), fullName: t('admin.clerks.fullName'), pin: t('admin.clerks.pin'), role: t('admin.clerks.role'), active: t('admin.active') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (clerk) await api('adminClerkUpdate', { params: { id: clerk.id }, body: { fullName, role, active } });
      else await api('adminClerkCreate', { body: { username, fullName, pin, role } });
      onSaved();
    } catch (err) {
      onAuthError(err);
      setError(err);
    } finally {
      setBusy(false);
    }
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
            {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />}
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
          <label className="check">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            {t('admin.clerks.activeLabel')}
          </label>
        )}
        <FormError error={error} labels={labels} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('admin.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function PinForm({ clerk, onClose, onSaved, onAuthError }: { clerk: Clerk; onClose: () => void; onSaved: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('adminClerkUpdate', { params: { id: clerk.id }, body: { fullName: clerk.fullName, role: clerk.role, active: clerk.active, pin } });
      onSaved();
    } catch (err) {
      onAuthError(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('admin.clerks.resetPinFor', { name: clerk.username })} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        <p className="muted">{t('admin.clerks.resetPinLead', { name: clerk.fullName })}</p>
        <Field label={t('admin.clerks.newPin')} hint={t('admin.clerks.pinHint')} name="pin" error={error}>
          {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />}
        </Field>
        <FormError error={error} labels={{ pin: t('admin.clerks.newPin') }} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('admin.clerks.resetPin')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
