import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { FormError } from '../components/FormError';
import { Modal } from '../components/Modal';
import type { Counter, Service } from '../../shared/api';
import { Check, DataTable, EditButton, Field, FormActions, SectionHead, YesNo, useResource, useSave } from './common';

export function CountersSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const load = useCallback(() => Promise.all([api('counters'), api('adminServices')]), []);
  const { data, error, reload } = useResource(load, onAuthError);
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);
  const counters = [...(data?.[0] ?? [])].sort((a, b) => a.number - b.number);
  const services = [...(data?.[1] ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id);
  const svcName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? `${s.prefix} · ${localized(s, lang)}` : `#${id}`;
  };

  return (
    <div className="admin-section">
      <SectionHead title={t('admin.tabs.counters')} lead={t('admin.counters.lead')} action={t('admin.counters.add')} onAction={() => setEditing('new')} />
      <FormError error={error} />
      <DataTable
        columns={[t('admin.counters.number'), t('admin.counters.name'), t('admin.counters.services'), t('admin.counters.clerk'), t('admin.status')]}
        empty={data && counters.length === 0 ? t('admin.empty') : null}
      >
        {counters.map((c) => (
          <tr key={c.id} className={c.active ? '' : 'is-off'}>
            <td className="num">{c.number}</td>
            <td>{c.name}</td>
            <td className="tags">
              {c.serviceIds.map((id) => (
                <span key={id} className="tag">
                  {svcName(id)}
                </span>
              ))}
            </td>
            <td>{c.clerkName ?? <span className="muted">—</span>}</td>
            <td>
              <YesNo value={c.active} />
              {c.paused && <span className="pill pill--warn">{t('display.paused')}</span>}
            </td>
            <td className="row-actions">
              <EditButton name={c.name} onClick={() => setEditing(c)} />
            </td>
          </tr>
        ))}
      </DataTable>
      {editing && (
        <CounterForm
          counter={editing === 'new' ? null : editing}
          services={services}
          nextNumber={counters.length ? Math.max(...counters.map((c) => c.number)) + 1 : 1}
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

function CounterForm({
  counter,
  services,
  nextNumber,
  onClose,
  onSaved,
  onAuthError,
}: {
  counter: Counter | null;
  services: Service[];
  nextNumber: number;
  onClose: () => void;
  onSaved: () => void;
  onAuthError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [number, setNumber] = useState(String(counter?.number ?? nextNumber));
  const [name, setName] = useState(counter?.name ?? '');
  const [active, setActive] = useState(counter?.active ?? true);
  const [serviceIds, setServiceIds] = useState<number[]>(counter?.serviceIds ?? []);
  const { busy, error, run } = useSave(onAuthError);
  const labels = { number: t('admin.counters.number'), name: t('admin.counters.name'), serviceIds: t('admin.counters.services'), active: t('admin.active') };

  const toggle = (id: number, on: boolean) => setServiceIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { number: Number(number), name, active, serviceIds };
    void run(async () => {
      if (counter) await api('adminCounterUpdate', { params: { id: counter.id }, body });
      else await api('adminCounterCreate', { body });
      onSaved();
    });
  };

  return (
    <Modal title={counter ? t('admin.counters.editTitle', { name: counter.name }) : t('admin.counters.add')} onClose={onClose}>
      <form className="admin-form" onSubmit={submit}>
        <div className="form-row">
          <Field label={labels.number} name="number" error={error}>
            {(p) => <input {...p} className="input--num" type="number" min={1} max={999} value={number} onChange={(e) => setNumber(e.target.value)} />}
          </Field>
          <Field label={labels.name} name="name" error={error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />}
          </Field>
        </div>
        <fieldset className="checks">
          <legend>{labels.serviceIds}</legend>
          {services.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={serviceIds.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              <span className="prefix-chip">{s.prefix}</span> {localized(s, lang)}
              {!s.active && <span className="muted"> ({t('admin.inactive')})</span>}
            </label>
          ))}
        </fieldset>
        <Check checked={active} onChange={setActive}>
          {t('admin.counters.activeLabel')}
        </Check>
        <FormError error={error} labels={labels} />
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
