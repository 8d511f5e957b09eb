import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { AdminDevice } from '../../shared/api';
import { Field, FormActions, useResource, useSave } from './common';

/** Rename a paired device and choose the printer its tickets go to (the hub's printers are offered). */
export function DeviceEditDialog({ device, onClose, onSaved, onAuthError }: { device: AdminDevice; onClose: () => void; onSaved: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(device.name);
  const [printer, setPrinter] = useState(device.printer ?? '');
  const { busy, error, run } = useSave(onAuthError);
  const loadPrinters = useCallback(() => api('printers').catch(() => []), []);
  const printers = useResource(loadPrinters).data ?? [];
  const labels = { name: t('admin.devices.name'), printer: t('admin.devices.printer') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('adminDeviceUpdate', { params: { id: device.id }, body: { name, printer: printer.trim() || null } });
      onSaved();
    });
  };
  return (
    <Modal title={t('admin.devices.editTitle', { name: device.name })} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        <p className="muted">{t(`roles.${device.role}`)}</p>
        <Field label={labels.name} hint={t('admin.devices.nameHint')} name="name" error={error}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />}
        </Field>
        <Field label={labels.printer} hint={`${t('admin.devices.printerHint')} ${t('thermal.adminHint')}`} name="printer" error={error}>
          {(p) => <input {...p} value={printer} onChange={(e) => setPrinter(e.target.value)} maxLength={127} list="hub-printers" spellCheck={false} />}
        </Field>
        {printers.length > 0 && (
          <datalist id="hub-printers">
            {printers.map((pr) => (
              <option key={pr.name} value={pr.name} />
            ))}
          </datalist>
        )}
        <FormError error={error} labels={labels} />
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
