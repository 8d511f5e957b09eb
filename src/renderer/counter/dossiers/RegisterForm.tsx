import { useCallback, useEffect, useState } from 'react';
import { ChannelChoice } from './ChannelChoice';
import { useTranslation } from 'react-i18next';
import { localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { FormError } from '../../components/FormError';
import { checkCccd } from '../../../shared/domain';
import type { ProcedureDetail, ProcedureListItem } from '../../../shared/api/catalogue';
import { getProcedure, registerDossier, type Dossier, type RegisterDossierInput } from './dossierApi';
import { ProcedurePicker } from './ProcedurePicker';
import { groupDigits, processingText } from './format';
import { errorPaths, FieldBox, messagesFor, type FormErrors } from './fieldErrors';

type IdType = 'cccd' | 'passport';
interface DocRow {
  key: number;
  nameVi: string;
  nameEn: string | null;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  received: boolean;
  /** Added by the clerk (its name is typed, the row can be removed). */
  added: boolean;
}

function idHint(type: IdType, value: string, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const v = value.replace(/[\s.-]/g, '');
  if (type !== 'cccd' || v.length < 12) return null;
  const r = checkCccd(v, new Date().getFullYear());
  // The same words the hub will answer with, shown while typing (the hub still decides).
  return r.ok ? null : t(`validation.id_${r.reason}`);
}

const clampCount = (s: string) => Math.max(0, Math.min(20, Math.trunc(Number(s.replace(/\D/g, '')) || 0)));

export function RegisterForm({ ticket, onRegistered, onCancel, onAuthError }: { ticket: { id: number; number: string } | null; onRegistered: (d: Dossier) => void; onCancel: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [proc, setProc] = useState<ProcedureListItem | null>(null);
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [fullName, setFullName] = useState('');
  const [idType, setIdType] = useState<IdType>('cccd');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [ownerDifferent, setOwnerDifferent] = useState(false);
  const [ownerName, setOwnerName] = useState('');
  const [ownerIdType, setOwnerIdType] = useState<IdType>('cccd');
  const [ownerIdNumber, setOwnerIdNumber] = useState('');
  const [docs, setDocs] = useState<DocRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [sets, setSets] = useState('1');
  const [fee, setFee] = useState('0');
  const [delivery, setDelivery] = useState<'counter' | 'post'>('counter');
  const [channel, setChannel] = useState<1 | 3>(1);
  const [postal, setPostal] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const f: FormErrors = {
    errorFor: (name) => (edited.has(name) ? null : error),
    edit: (name) => setEdited((s) => (s.has(name) ? s : new Set(s).add(name))),
  };

  const reportSearchError = useCallback((err: unknown) => {
    if (!onAuthError(err)) setError(err);
  }, [onAuthError]);

  // The chosen procedure's documents and fee fill the form.
  useEffect(() => {
    if (!proc) {
      setDetail(null);
      setDocs([]);
      return;
    }
    let alive = true;
    getProcedure(proc.code)
      .then((d) => {
        if (!alive) return;
        setDetail(d);
        setDocs(d.documents.map((doc, n) => ({ key: n + 1, nameVi: doc.nameVi, nameEn: doc.nameEn, originals: doc.originals, certifiedCopies: doc.certifiedCopies, photocopies: doc.photocopies, received: true, added: false })));
        setNextKey(d.documents.length + 1);
        setFee(String(d.fee.amount ?? 0));
      })
      .catch((err: unknown) => {
        if (alive && !onAuthError(err)) setError(err);
      });
    return () => {
      alive = false;
    };
  }, [proc, onAuthError]);

  const updateDoc = (key: number, patch: Partial<DocRow>) => setDocs((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const submit = async () => {
    setClientError(null);
    if (!proc) {
      setClientError(t('dossier.procedureRequired'));
      return;
    }
    const body: RegisterDossierInput = {
      procedureCode: proc.code,
      ticketId: ticket?.id ?? null,
      applicant: { fullName, idType, idNumber, phone, email: email.trim() || null, address },
      owner: ownerDifferent ? { fullName: ownerName, idType: ownerIdType, idNumber: ownerIdNumber } : null,
      documents: docs.map((d) => ({ nameVi: d.nameVi, nameEn: d.nameEn, originals: d.originals, certifiedCopies: d.certifiedCopies, photocopies: d.photocopies, received: d.received })),
      sets: Math.trunc(Number(sets) || 0),
      feeCollected: Number(fee.replace(/\D/g, '') || '0'),
      resultDelivery: delivery,
      postalAddress: delivery === 'post' ? postal : null,
      notes,
      channel,
    };
    setBusy(true);
    setError(null);
    setEdited(new Set());
    try {
      const d = await registerDossier(body);
      onRegistered(d);
    } catch (err) {
      if (!onAuthError(err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    procedureCode: t('dossier.procedure'),
    'applicant.fullName': t('dossier.fullName'),
    'applicant.idNumber': t('dossier.idNumber'),
    'applicant.idType': t('dossier.idType'),
    'applicant.phone': t('dossier.phone'),
    'applicant.email': t('dossier.email'),
    'applicant.address': t('dossier.address'),
    'owner.fullName': t('dossier.ownerName'),
    'owner.idNumber': t('dossier.ownerIdNumber'),
    sets: t('dossier.sets'),
    feeCollected: t('dossier.fee'),
    postalAddress: t('dossier.postalAddress'),
    notes: t('dossier.notes'),
    ticketId: t('dossier.ticket'),
  };
  docs.forEach((d, n) => {
    labels[`documents.${n}.nameVi`] = `${t('dossier.docName')} ${n + 1}`;
  });

  const procMsgs = messagesFor(f.errorFor('procedureCode'), 'procedureCode');
  // Once every field the hub complained about has been edited, its summary goes too.
  const paths = errorPaths(error);
  const summaryError = paths.length > 0 && paths.every((p) => p && [...edited].some((e) => p === e || p.startsWith(`${e}.`))) ? null : error;

  return (
    <form
      className="reg-form"
      aria-labelledby="reg-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="reg-form__head">
        <h1 id="reg-title">{t('dossier.registerTitle')}</h1>
        <span className={`pill${ticket ? ' pill--ok' : ''}`}>{ticket ? t('dossier.forTicket', { number: ticket.number }) : t('dossier.noTicket')}</span>
      </div>

      <div className="reg-form__body">
        <div className="reg-form__col">
          <section className="reg-card reg-card--proc" aria-labelledby="reg-proc">
            <h2 id="reg-proc" className="reg-card__title">
              {t('dossier.procedureSection')}
            </h2>
            {proc ? (
              <div className="proc-chosen">
                <div className="proc-chosen__main">
                  <span className="proc-chosen__code">
                    <span className="proc-option__code mono">{proc.code}</span>
                    <span className="pill">{t(`dossier.procedureLevel.${proc.level}`)}</span>
                  </span>
                  <strong className="proc-chosen__name">{localized(proc, lang)}</strong>
                  <dl className="proc-chosen__facts">
                    <div>
                      <dt>{t('dossier.procedureField')}</dt>
                      <dd>{lang === 'en' ? proc.fieldEn : proc.fieldVi}</dd>
                    </div>
                    <div>
                      <dt>{t('dossier.procedureTime')}</dt>
                      <dd>{processingText(proc.processing)}</dd>
                    </div>
                    <div>
                      <dt>{t('dossier.procedureFee')}</dt>
                      <dd>{lang === 'en' ? proc.fee.textEn : proc.fee.textVi}</dd>
                    </div>
                  </dl>
                </div>
                <button type="button" className="btn btn--small" onClick={() => setProc(null)}>
                  {t('dossier.procedureChange')}
                </button>
              </div>
            ) : (
              <ProcedurePicker
                onPick={(p) => {
                  setProc(p);
                  f.edit('procedureCode');
                }}
                onError={reportSearchError}
                invalid={procMsgs.length > 0}
              />
            )}
            {procMsgs.length > 0 && (
              <span className="field__error" role="alert">
                {procMsgs.join('; ')}
              </span>
            )}
          </section>

          <section className="reg-card reg-card--docs" aria-labelledby="reg-docs">
            <h2 id="reg-docs" className="reg-card__title">
              {t('dossier.documentsSection')}
            </h2>
            {docs.length === 0 && !detail ? (
              <p className="muted">{t('dossier.docNone')}</p>
            ) : (
              <>
                <p className="muted reg-card__lead">{t('dossier.documentsLead')}</p>
                <table className="doc-table">
                  <thead>
                    <tr>
                      <th scope="col" className="doc-table__check">
                        {t('dossier.docReceived')}
                      </th>
                      <th scope="col">{t('dossier.docName')}</th>
                      <th scope="col" className="doc-table__num">
                        {t('dossier.docOriginals')}
                      </th>
                      <th scope="col" className="doc-table__num">
                        {t('dossier.docCertified')}
                      </th>
                      <th scope="col" className="doc-table__num">
                        {t('dossier.docPhotocopies')}
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">{t('admin.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {docs.map((d, n) => {
                      const name = d.nameVi.trim() || t('dossier.docNameOf', { n: n + 1 });
                      const msgs = messagesFor(error, `documents.${n}`);
                      return (
                        <tr key={d.key} className={`${d.received ? '' : 'is-off'}${msgs.length ? ' has-error' : ''}`}>
                          <td className="doc-table__check">
                            <input type="checkbox" checked={d.received} onChange={(e) => updateDoc(d.key, { received: e.target.checked })} aria-label={t('dossier.docReceivedOf', { name })} />
                          </td>
                          <td>
                            {d.added ? (
                              <input className="doc-table__name" value={d.nameVi} onChange={(e) => updateDoc(d.key, { nameVi: e.target.value })} aria-label={t('dossier.docNameOf', { n: n + 1 })} maxLength={500} />
                            ) : (
                              <span className="doc-table__label">
                                {d.nameVi}
                                {lang === 'en' && d.nameEn && <span className="doc-table__en">{d.nameEn}</span>}
                              </span>
                            )}
                            {msgs.length > 0 && (
                              <span className="field__error" role="alert">
                                {msgs.join('; ')}
                              </span>
                            )}
                          </td>
                          <td className="doc-table__num">
                            <input type="number" min={0} max={20} value={d.originals} onChange={(e) => updateDoc(d.key, { originals: clampCount(e.target.value) })} aria-label={t('dossier.docOriginalsOf', { name })} />
                          </td>
                          <td className="doc-table__num">
                            <input type="number" min={0} max={20} value={d.certifiedCopies} onChange={(e) => updateDoc(d.key, { certifiedCopies: clampCount(e.target.value) })} aria-label={t('dossier.docCertifiedOf', { name })} />
                          </td>
                          <td className="doc-table__num">
                            <input type="number" min={0} max={20} value={d.photocopies} onChange={(e) => updateDoc(d.key, { photocopies: clampCount(e.target.value) })} aria-label={t('dossier.docPhotocopiesOf', { name })} />
                          </td>
                          <td className="doc-table__act">
                            {d.added && (
                              <button type="button" className="btn btn--small btn--danger" aria-label={t('dossier.docRemoveOf', { n: n + 1 })} onClick={() => setDocs((list) => list.filter((x) => x.key !== d.key))}>
                                <span aria-hidden="true">×</span>
                              </button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={docs.length >= 50}
                  onClick={() => {
                    setDocs((list) => [...list, { key: nextKey, nameVi: '', nameEn: null, originals: 1, certifiedCopies: 0, photocopies: 0, received: true, added: true }]);
                    setNextKey((k) => k + 1);
                  }}
                >
                  + {t('dossier.docAdd')}
                </button>
              </>
            )}
          </section>
        </div>
        <div className="reg-form__col">
          <section className="reg-card" aria-labelledby="reg-app">
            <h2 id="reg-app" className="reg-card__title">
              {t('dossier.applicantSection')}
            </h2>
            <div className="reg-grid">
              <FieldBox label={t('dossier.fullName')} form={f} name="applicant.fullName" wide>
                {(p) => <input {...p} value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete="off" maxLength={120} />}
              </FieldBox>
              <FieldBox label={t('dossier.idType')} form={f} name="applicant.idType">
                {(p) => (
                  <select {...p} value={idType} onChange={(e) => setIdType(e.target.value as IdType)}>
                    <option value="cccd">{t('dossier.idTypes.cccd')}</option>
                    <option value="passport">{t('dossier.idTypes.passport')}</option>
                  </select>
                )}
              </FieldBox>
              <FieldBox label={t('dossier.idNumber')} hint={idType === 'cccd' ? t('dossier.idNumberHintCccd') : t('dossier.idNumberHintPassport')} note={idHint(idType, idNumber, t)} form={f} name="applicant.idNumber">
                {(p) => <input {...p} className="mono" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} inputMode={idType === 'cccd' ? 'numeric' : 'text'} autoComplete="off" maxLength={40} />}
              </FieldBox>
              <FieldBox label={t('dossier.phone')} form={f} name="applicant.phone">
                {(p) => <input {...p} className="mono" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" maxLength={30} />}
              </FieldBox>
              <FieldBox label={t('dossier.email')} hint={t('dossier.emailHint')} form={f} name="applicant.email">
                {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" maxLength={254} />}
              </FieldBox>
              <FieldBox label={t('dossier.address')} form={f} name="applicant.address" wide>
                {(p) => <input {...p} value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="off" maxLength={300} />}
              </FieldBox>
            </div>
            <label className="check reg-owner-toggle">
              <input type="checkbox" checked={ownerDifferent} onChange={(e) => setOwnerDifferent(e.target.checked)} />
              {t('dossier.ownerDifferent')}
            </label>
            {ownerDifferent && (
              <fieldset className="reg-owner">
                <legend>{t('dossier.ownerSection')}</legend>
                <div className="reg-grid">
                  <FieldBox label={t('dossier.ownerName')} form={f} name="owner.fullName" wide>
                    {(p) => <input {...p} value={ownerName} onChange={(e) => setOwnerName(e.target.value)} autoComplete="off" maxLength={120} />}
                  </FieldBox>
                  <FieldBox label={t('dossier.ownerIdType')} form={f} name="owner.idType">
                    {(p) => (
                      <select {...p} value={ownerIdType} onChange={(e) => setOwnerIdType(e.target.value as IdType)}>
                        <option value="cccd">{t('dossier.idTypes.cccd')}</option>
                        <option value="passport">{t('dossier.idTypes.passport')}</option>
                      </select>
                    )}
                  </FieldBox>
                  <FieldBox label={t('dossier.ownerIdNumber')} note={idHint(ownerIdType, ownerIdNumber, t)} form={f} name="owner.idNumber">
                    {(p) => <input {...p} className="mono" value={ownerIdNumber} onChange={(e) => setOwnerIdNumber(e.target.value)} autoComplete="off" maxLength={40} />}
                  </FieldBox>
                </div>
              </fieldset>
            )}
          </section>
        </div>
        <div className="reg-form__col">
          <section className="reg-card" aria-labelledby="reg-other">
            <h2 id="reg-other" className="reg-card__title">
              {t('dossier.otherSection')}
            </h2>
            <div className="reg-grid">
              <FieldBox label={t('dossier.sets')} form={f} name="sets">
                {(p) => <input {...p} className="input--num" type="number" min={1} max={20} value={sets} onChange={(e) => setSets(e.target.value)} />}
              </FieldBox>
              <FieldBox label={t('dossier.fee')} hint={detail ? t('dossier.feeHint', { text: lang === 'en' ? detail.fee.textEn : detail.fee.textVi }) : undefined} form={f} name="feeCollected" wide>
                {(p) => <input {...p} className="input--money mono" inputMode="numeric" value={groupDigits(Number(fee.replace(/\D/g, '') || '0'))} onChange={(e) => setFee(e.target.value.replace(/\D/g, '').slice(0, 13))} />}
              </FieldBox>
            </div>
            <ChannelChoice value={channel} onChange={setChannel} />
            <fieldset className="reg-delivery">
              <legend>{t('dossier.delivery')}</legend>
              {(['counter', 'post'] as const).map((k) => (
                <label key={k} className={`radio-chip${delivery === k ? ' is-checked' : ''}`}>
                  <input
                    type="radio"
                    name="reg-delivery"
                    checked={delivery === k}
                    onChange={() => {
                      setDelivery(k);
                      if (k === 'post' && !postal.trim()) setPostal(address);
                    }}
                  />
                  {t(`dossier.deliveries.${k}`)}
                </label>
              ))}
            </fieldset>
            {delivery === 'post' && (
              <FieldBox label={t('dossier.postalAddress')} form={f} name="postalAddress">
                {(p) => <input {...p} value={postal} onChange={(e) => setPostal(e.target.value)} autoComplete="off" maxLength={300} />}
              </FieldBox>
            )}
            <FieldBox label={t('dossier.notes')} form={f} name="notes">
              {(p) => <textarea {...p} className="reg-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />}
            </FieldBox>
          </section>
        </div>
      </div>

      <div className="reg-form__foot">
        <div className="reg-form__errors">
          {clientError && (
            <p className="form-error" role="alert">
              {clientError}
            </p>
          )}
          <FormError error={summaryError} labels={labels} />
        </div>
        <button type="button" className="btn btn--lg" onClick={onCancel}>
          {t('dossier.cancel')}
        </button>
        <button type="submit" className="btn btn--primary btn--lg" disabled={busy}>
          {busy ? t('dossier.submitting') : t('dossier.submit')}
        </button>
      </div>
    </form>
  );
}
