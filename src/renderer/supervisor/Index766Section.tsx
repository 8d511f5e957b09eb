import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FIGURE_GROUP, FIGURE_KEYS, GROUP_POINTS, type FigureKey } from '../../shared/domain';
import type { Index766, Index766Dossier } from '../../shared/api';
import { api, apiBytes } from '../app/api';
import { currentLanguage } from '../app/i18n';
import { formatDateTime } from '../app/format';
import { FormError } from '../components/FormError';
import { periodRange, type PeriodKind } from './index766Period';
import './index766.css';

type Figures = Index766['office'];
/** Which dossiers a clicked figure stands on: the whole office, one field or one clerk. */
interface Drill {
  key: FigureKey;
  scope: { kind: 'office' } | { kind: 'field'; key: string; label: string } | { kind: 'clerk'; key: string; label: string };
}
const GROUPS = ['progress', 'satisfaction', 'online', 'payment', 'digitisation'] as const;
/** The columns of the per-field and per-clerk tables. */
const TABLE_KEYS: FigureKey[] = ['onTime', 'satisfaction', 'onlineShare', 'postalShare', 'onlinePayment'];

/**
 * /admin → 766 index (issue 12 §4): the figures MotCua can compute by the
 * province's rules (src/shared/domain/index766.ts) for a month, a quarter or a
 * year; per field and per receiving clerk; each figure a button that lists the
 * dossiers behind it; exports as xlsx and PDF.
 */
export function Index766Section({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [year, setYear] = useState<number | null>(null);
  const [n, setN] = useState(1);
  const [thisYear, setThisYear] = useState<number | null>(null);
  const [index, setIndex] = useState<Index766 | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    (k: PeriodKind, y: number, m: number) => {
      setLoading(true);
      setDrill(null);
      api('index766', { query: periodRange(k, y, m) })
        .then((r) => {
          setIndex(r);
          setError(null);
        })
        .catch((err: unknown) => {
          onAuthError(err);
          setError(err);
        })
        .finally(() => setLoading(false));
    },
    [onAuthError],
  );
  useEffect(() => {
    api('health')
      .then((h) => {
        const [y, m] = h.officeDay.split('-').map(Number) as [number, number];
        setThisYear(y);
        setYear(y);
        setN(m);
        load('month', y, m);
      })
      .catch(onAuthError);
  }, [onAuthError, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (year !== null) load(kind, year, n);
  };
  const changeKind = (k: PeriodKind) => {
    setKind(k);
    setN(1);
  };
  const download = async (format: 'xlsx' | 'pdf') => {
    if (!index) return;
    try {
      const q = { from: index.from, to: index.to, lang };
      const bytes = await apiBytes(format === 'xlsx' ? 'index766Xlsx' : 'index766Pdf', { query: q });
      const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `chi-so-766-${index.from}_${index.to}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      onAuthError(err);
      setError(err);
    }
  };

  const years = thisYear === null ? [] : [thisYear, thisYear - 1, thisYear - 2];
  return (
    <div className="admin-section i766">
      <h1>{t('index766.title')}</h1>
      <p className="muted i766__intro">{t('index766.intro')}</p>
      <form className="i766__period" onSubmit={submit}>
        <label>
          {t('index766.period')}
          <select aria-label={t('index766.period')} value={kind} onChange={(e) => changeKind(e.target.value as PeriodKind)}>
            {(['month', 'quarter', 'year'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`index766.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'year' && (
          <label>
            {t(`index766.${kind}`)}
            <select aria-label={t(`index766.${kind}`)} value={n} onChange={(e) => setN(Number(e.target.value))}>
              {Array.from({ length: kind === 'month' ? 12 : 4 }, (_, i) => i + 1).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('index766.year')}
          <select aria-label={t('index766.year')} value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary" disabled={loading || year === null}>
          {t('index766.load')}
        </button>
        <div className="i766__exports">
          <button type="button" className="btn" onClick={() => void download('xlsx')} disabled={!index}>
            {t('index766.exportXlsx')}
          </button>
          <button type="button" className="btn" onClick={() => void download('pdf')} disabled={!index}>
            {t('index766.exportPdf')}
          </button>
        </div>
      </form>
      <FormError error={error} />
      {!index ? (
        <p className="muted">{t('index766.loading')}</p>
      ) : (
        <>
          <p className="muted">
            {t('index766.range', { from: dayText(index.from), to: dayText(index.to) })} · {t('index766.asOf', { time: formatDateTime(index.asOf) })}
          </p>
          <div className="i766__groups">
            {GROUPS.map((g) => (
              <section key={g} className="i766__group" aria-labelledby={`i766-${g}`}>
                <h2 id={`i766-${g}`}>
                  {t(`index766.groups.${g}`)} <span className="muted">({t('index766.points', { points: GROUP_POINTS[g] })})</span>
                </h2>
                <div className="i766__figures">
                  {FIGURE_KEYS.filter((k) => FIGURE_GROUP[k].group === g).map((k) => (
                    <FigureButton key={k} k={k} f={index.office[k]} active={drill?.key === k && drill.scope.kind === 'office'} onClick={() => setDrill({ key: k, scope: { kind: 'office' } })} />
                  ))}
                </div>
                {g !== 'online' && <p className={`i766__note${g === 'digitisation' && !index.attachmentsStored ? ' i766__note--warn' : ''}`}>{t(`index766.notes.${g}`)}</p>}
              </section>
            ))}
          </div>
          {drill && <DrillList index={index} drill={drill} onClose={() => setDrill(null)} />}
          <ScopeTable
            title={t('index766.byField')}
            head={t('index766.col.field')}
            rows={index.byField.map((f) => ({ key: f.key, label: lang === 'vi' ? f.fieldVi : f.fieldEn, figures: f.figures }))}
            onPick={(key, label, fk) => setDrill({ key: fk, scope: { kind: 'field', key, label } })}
          />
          <ScopeTable
            title={t('index766.byClerk')}
            head={t('index766.col.clerk')}
            rows={index.byClerk.map((c) => ({ key: c.key, label: c.fullName ?? t('index766.portal'), figures: c.figures }))}
            onPick={(key, label, fk) => setDrill({ key: fk, scope: { kind: 'clerk', key, label } })}
          />
        </>
      )}
    </div>
  );
}

const dayText = (d: string) => d.split('-').reverse().join('/');
const pctText = (v: number | null, lang: 'vi' | 'en') => (v === null ? null : `${v.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN')} %`);

function FigureButton({ k, f, active, onClick }: { k: FigureKey; f: Figures[FigureKey]; active: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const value = pctText(f.percent, lang) ?? t('index766.na');
  const count = t(k === 'satisfaction' ? 'index766.subtracted' : 'index766.ofTotal', { num: f.numerator, den: f.denominator });
  return (
    <button type="button" className={`i766__figure${active ? ' is-active' : ''}`} aria-pressed={active} onClick={onClick} aria-label={`${FIGURE_GROUP[k].item} ${t(`index766.figures.${k}`)}: ${value}, ${count}`}>
      <span className="i766__value">{value}</span>
      <span className="i766__label">
        {FIGURE_GROUP[k].item} {t(`index766.figures.${k}`)}
      </span>
      <span className="i766__count">{count}</span>
    </button>
  );
}

function ScopeTable({ title, head, rows, onPick }: { title: string; head: string; rows: { key: string; label: string; figures: Figures }[]; onPick: (key: string, label: string, k: FigureKey) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="i766__scope">
      <h2>{title}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {TABLE_KEYS.map((k) => (
              <th key={k} scope="col">
                {FIGURE_GROUP[k].item} {t(`index766.figures.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {TABLE_KEYS.map((k) => (
                <td key={k}>
                  <button type="button" className="link-button" onClick={() => onPick(r.key, r.label, k)} aria-label={`${r.label}: ${t(`index766.figures.${k}`)}`}>
                    {pctText(r.figures[k].percent, lang) ?? t('index766.na')} ({r.figures[k].numerator}/{r.figures[k].denominator})
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DrillList({ index, drill, onClose }: { index: Index766; drill: Drill; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const inScope = (d: Index766Dossier) => {
    const s = drill.scope;
    if (s.kind === 'office') return true;
    if (s.kind === 'field') return d.fieldVi === s.key;
    return (d.clerkId === null ? 'portal' : String(d.clerkId)) === s.key;
  };
  const rows = index.dossiers.filter((d) => d.parts[drill.key] && inScope(d));
  const scope = drill.scope.kind === 'office' ? t('index766.office') : drill.scope.label;
  const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms));
  return (
    <section className="i766__drill" aria-labelledby="i766-drill">
      <div className="i766__drill-head">
        <h2 id="i766-drill">{t('index766.drill', { figure: `${FIGURE_GROUP[drill.key].item} ${t(`index766.figures.${drill.key}`)}`, scope })}</h2>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('index766.closeDrill')}
        </button>
      </div>
      <p className="muted">{t('index766.drillHint')}</p>
      {rows.length === 0 ? (
        <p>{t('index766.noDossiers')}</p>
      ) : (
        <table className="table i766__table">
          <thead>
            <tr>
              {(['code', 'procedure', 'channel', 'received', 'appointment', 'legalDue', 'end', 'supplement', 'result', 'counts'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`index766.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.code} className={`${d.parts[drill.key] === 'num' ? 'is-num' : ''}${d.onTime === false ? ' is-late' : ''}`}>
                <td className="mono">{d.code}</td>
                <td>{lang === 'vi' ? d.procedureNameVi : d.procedureNameEn}</td>
                <td>{t(`index766.channel.${d.channel}`)}</td>
                <td>{when(d.receivedAt)}</td>
                <td>{when(d.appointmentAt)}</td>
                <td>{when(d.legalDueAt)}</td>
                <td>{d.endKind ? `${t(`index766.end.${d.endKind}`)} · ${when(d.endAt)}` : '—'}</td>
                <td>{d.supplementRequests === 0 ? '—' : `${d.supplementRequests} × · ${t('index766.hours', { hours: Math.round(d.supplementMs / 3_600_000) })}`}</td>
                <td>
                  {d.onTime === null ? '—' : d.onTime ? t('index766.result.onTime') : t(`index766.result.${d.lateReason ?? 'late'}`)}
                  {d.complaint ? ` · ${t('index766.complaint')}` : ''}
                </td>
                <td>{t(`index766.part.${d.parts[drill.key]!}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
