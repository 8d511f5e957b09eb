import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';
import { formatVnd, processingText } from '../../counter/dossiers/format';
import { procedurePageUrl, type ProcedureDetail, type ProcedureField, type ProcedureListItem } from '../../../shared/api';
import { sortByText } from '../../../shared/domain/collate';
import { LetterKeyboard } from './LetterKeyboard';

type Step = { kind: 'fields' } | { kind: 'list'; field: ProcedureField } | { kind: 'search' } | { kind: 'detail'; code: string; from: Step };

const pick = (lang: string, vi: string, en: string) => (lang === 'en' && en ? en : vi);

/**
 * The procedure catalogue for citizens: fields → procedures → detail, or a
 * search typed on the on-screen keyboard without diacritics (the hub folds
 * them: "dang ky khai sinh" finds "Đăng ký khai sinh").
 */
export function ProceduresBrowser({ baseUrl, officeName, onBack }: { baseUrl: string; officeName: string | null; onBack: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'fields' });
  const back = () => {
    if (step.kind === 'detail') setStep(step.from);
    else if (step.kind === 'fields') onBack();
    else setStep({ kind: 'fields' });
  };
  return (
    <section className="procedures" aria-labelledby="procedures-title">
      <div className="procedures__bar">
        <button type="button" className="btn btn--ghost btn--xl" onClick={back}>
          <span aria-hidden="true">‹ </span>
          {t('common.back')}
        </button>
        <h1 id="procedures-title">{t('scan.procedures.title')}</h1>
        {step.kind !== 'search' && (
          <button type="button" className="btn btn--xl" onClick={() => setStep({ kind: 'search' })}>
            {t('scan.procedures.search')}
          </button>
        )}
      </div>
      {step.kind === 'fields' && <Fields onPick={(field) => setStep({ kind: 'list', field })} />}
      {step.kind === 'list' && <List field={step.field} onPick={(code) => setStep({ kind: 'detail', code, from: step })} />}
      {step.kind === 'search' && <Search onPick={(code) => setStep({ kind: 'detail', code, from: step })} />}
      {step.kind === 'detail' && <Detail code={step.code} baseUrl={baseUrl} officeName={officeName} />}
    </section>
  );
}

function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let alive = true;
    load()
      .then((data) => alive && setState({ data, error: null }))
      .catch((err: unknown) => alive && setState({ data: null, error: errorText(err) }));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

function Fields({ onPick }: { onPick: (f: ProcedureField) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { data, error } = useLoad(() => api('procedureFields'), []);
  if (error) return <p className="kiosk-note kiosk-note--warn">{error}</p>;
  if (!data) return <p className="kiosk-note">{t('kiosk.loading')}</p>;
  return (
    <>
      <p className="procedures__lead">{t('scan.procedures.chooseField')}</p>
      <ul className="procedures__fields">
        {sortByText(data, (f) => pick(lang, f.fieldVi, f.fieldEn), lang).map((f) => (
          <li key={f.fieldVi}>
            <button type="button" className="procedures__field" onClick={() => onPick(f)}>
              <span>{pick(lang, f.fieldVi, f.fieldEn)}</span>
              <span className="procedures__count">{t('scan.procedures.count', { count: f.count })}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function ItemList({ items, onPick }: { items: ProcedureListItem[]; onPick: (code: string) => void }) {
  const lang = currentLanguage();
  return (
    <ul className="procedures__list">
      {items.map((p) => (
        <li key={p.code}>
          <button type="button" className="procedures__item" onClick={() => onPick(p.code)}>
            <span className="procedures__name">{pick(lang, p.nameVi, p.nameEn)}</span>
            <span className="procedures__meta">
              {processingText(p.processing)} · {pick(lang, p.fee.textVi, p.fee.textEn)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function List({ field, onPick }: { field: ProcedureField; onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { data, error } = useLoad(() => api('procedures', { query: { field: field.fieldVi, limit: 100 } }), [field.fieldVi]);
  return (
    <>
      <h2 className="procedures__sub">{pick(lang, field.fieldVi, field.fieldEn)}</h2>
      {error && <p className="kiosk-note kiosk-note--warn">{error}</p>}
      {!data && !error && <p className="kiosk-note">{t('kiosk.loading')}</p>}
      {data && <ItemList items={sortByText(data.items, (p) => pick(lang, p.nameVi, p.nameEn), lang)} onPick={onPick} />}
    </>
  );
}

function Search({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ProcedureListItem[] | null>(null);
  useEffect(() => {
    if (!q.trim()) {
      setItems(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      api('procedures', { query: { q, limit: 20 } })
        .then((r) => alive && setItems(r.items))
        .catch(() => alive && setItems([]));
    }, 120);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="procedures__search">
      <output className="procedures__query" aria-label={t('scan.procedures.query')}>
        {q || <span className="procedures__placeholder">{t('scan.procedures.searchHint')}</span>}
      </output>
      <div className="procedures__results">
        {items && items.length === 0 && <p className="kiosk-note">{t('scan.procedures.none')}</p>}
        {items && items.length > 0 && <ItemList items={items} onPick={onPick} />}
      </div>
      <LetterKeyboard label={t('scan.keyboard.label')} onKey={(c) => setQ((s) => (s.length < 60 ? (s + c).toLowerCase() : s))} onBackspace={() => setQ((s) => s.slice(0, -1))} onClear={() => setQ('')} />
    </div>
  );
}

function Qr({ text, label }: { text: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let gone = false;
    // The QR writer brings all of ZXing (about 400 kB): loaded when a procedure's page is first shown, not with the kiosk.
    void import('@zxing/browser').then(({ BrowserQRCodeSvgWriter }) => {
      if (!gone) box.current?.replaceChildren(new BrowserQRCodeSvgWriter().write(text, 280, 280));
    });
    return () => {
      gone = true;
    };
  }, [text]);
  return <div className="procedures__qr" ref={box} role="img" aria-label={label} />;
}

function Detail({ code, baseUrl, officeName }: { code: string; baseUrl: string; officeName: string | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { data: p, error } = useLoad<ProcedureDetail>(() => api('procedure', { params: { code } }), [code]);
  if (error) return <p className="kiosk-note kiosk-note--warn">{error}</p>;
  if (!p) return <p className="kiosk-note">{t('kiosk.loading')}</p>;
  const url = procedurePageUrl(baseUrl, p.code);
  const counts = (d: ProcedureDetail['documents'][number]) =>
    [d.originals && t('scan.procedures.originals', { count: d.originals }), d.certifiedCopies && t('scan.procedures.certified', { count: d.certifiedCopies }), d.photocopies && t('scan.procedures.photocopies', { count: d.photocopies })]
      .filter(Boolean)
      .join(', ');
  return (
    <article className="procedure-detail" aria-labelledby="procedure-detail-name">
      <h2 id="procedure-detail-name">{pick(lang, p.nameVi, p.nameEn)}</h2>
      <p className="procedure-detail__code">
        {t('scan.procedures.code')} {p.code} · {pick(lang, p.fieldVi, p.fieldEn)}
      </p>
      <dl className="dossier-facts">
        <div>
          <dt>{t('scan.procedures.time')}</dt>
          <dd>{processingText(p.processing)}</dd>
        </div>
        <div>
          <dt>{t('scan.procedures.fee')}</dt>
          <dd>{p.fee.amount !== null && p.fee.amount > 0 ? `${formatVnd(p.fee.amount)} — ${pick(lang, p.fee.textVi, p.fee.textEn)}` : pick(lang, p.fee.textVi, p.fee.textEn)}</dd>
        </div>
        <div>
          <dt>{t('scan.procedures.where')}</dt>
          <dd>{t('scan.procedures.whereText', { office: officeName ?? '' })}</dd>
        </div>
      </dl>
      {url && (
        <div className="procedure-detail__phone">
          <Qr text={url} label={t('scan.procedures.qr')} />
          <p>{t('scan.procedures.qrHint')}</p>
        </div>
      )}
      <h3>{t('scan.procedures.documents')}</h3>
      <ol className="procedure-detail__docs">
        {p.documents.map((d, i) => (
          <li key={i}>
            <span>{pick(lang, d.nameVi, d.nameEn)}</span>
            <span className="procedure-detail__counts">{counts(d)}</span>
          </li>
        ))}
      </ol>
      <h3>{t('scan.procedures.steps')}</h3>
      <ol className="procedure-detail__steps">
        {p.steps.map((s, i) => (
          <li key={i}>{pick(lang, s.vi, s.en)}</li>
        ))}
      </ol>
    </article>
  );
}
