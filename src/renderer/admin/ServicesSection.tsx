import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { Service } from '../../shared/api';
import { Check, DataTable, EditButton, Field, FormActions, SectionHead, YesNo, useResource, useSave } from './common';

export function ServicesSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api('adminServices'), []);
  const { data, error, reload } = useResource(load, onAuthError);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const list = [...(data ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id);

  return (
    <div className="admin-section">
      <SectionHead title={t('admin.tabs.services')} lead={t('admin.services.lead')} action={t('admin.services.add')} onAction={() => setEditing('new')} />
      <FormError error={error} />
      <DataTable
        columns={[t('admin.services.prefix'), t('admin.services.nameVi'), t('admin.services.nameEn'), t('admin.services.sort'), t('admin.status')]}
        empty={data && list.length === 0 ? t('admin.empty') : null}
      >
        {list.map((s) => (
          <tr key={s.id} className={s.active ? '' : 'is-off'}>
            <td>
              <span className="prefix-chip">{s.prefix}</span>
            </td>
            <td>{s.nameVi}</td>
            <td>{s.nameEn}</td>
            <td className="num">{s.sort}</td>
            <td>
              <YesNo value={s.active} />
            </td>
            <td className="row-actions">
              <EditButton name={s.nameVi} onClick={() => setEditing(s)} />
            </td>
          </tr>
        ))}
      </DataTable>
      {editing && (
        <ServiceForm
          service={editing === 'new' ? null : editing}
          nextSort={list.length ? Math.max(...list.map((s) => s.sort)) + 1 : 1}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onAuthError={onAuthError}
        />
      )}
    </div>
  );
}

function ServiceForm({ service, nextSort, onClose, onSaved, onAuthError }: { service: Service | null; nextSort: number; onClose: () => void; onSaved: () => void; onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [nameVi, setNameVi] = useState(service?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(service?.nameEn ?? '');
  const [prefix, setPrefix] = useState(service?.prefix ?? '');
  const [sort, setSort] = useState(String(service?.sort ?? Math.min(nextSort, 999)));
  const [active, setActive] = useState(service?.active ?? true);
  const { busy, error, run } = useSave(onAuthError);
  const labels = {
    nameVi: t('admin.services.nameVi'),
    nameEn: t('admin.services.nameEn'),
    prefix: t('admin.services.prefix'),
    sort: t('admin.services.sort'),
    active: t('admin.active'),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { nameVi, nameEn, prefix, sort: Number(sort), active };
    void run(async () => {
      if (service) await api('adminServiceUpdate', { params: { id: service.id }, body });
      else await api('adminServiceCreate', { body });
      onSaved();
    });
  };

  return (
    <Modal title={service ? t('admin.services.editTitle', { name: service.nameVi }) : t('admin.services.add')} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        <Field label={labels.nameVi} name="nameVi" error={error}>
          {(p) => <input {...p} lang="vi" value={nameVi} onChange={(e) => setNameVi(e.target.value)} maxLength={120} />}
        </Field>
        <Field label={labels.nameEn} name="nameEn" error={error}>
          {(p) => <input {...p} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={120} />}
        </Field>
        <div className="form-row">
          <Field label={labels.prefix} hint={t('admin.services.prefixHint')} name="prefix" error={error}>
            {(p) => <input {...p} className="input--short" value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase().slice(0, 2))} maxLength={2} spellCheck={false} />}
          </Field>
          <Field label={labels.sort} hint={t('admin.services.sortHint')} name="sort" error={error}>
            {(p) => <input {...p} className="input--num" type="number" min={0} max={999} value={sort} onChange={(e) => setSort(e.target.value)} />}
          </Field>
        </div>
        <Check checked={active} onChange={setActive}>
          {t('admin.services.activeLabel')}
        </Check>
        <FormError error={error} labels={labels} />
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
