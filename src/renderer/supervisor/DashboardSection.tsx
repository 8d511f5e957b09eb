import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { RATING_CRITERIA, RATING_LEVELS } from '../../shared/domain';
import type { Figures } from '../../shared/api';
import { api, apiBytes } from '../app/api';
import { getClerkToken } from '../app/auth';
import { currentLanguage } from '../app/i18n';
import { formatDateTime, formatClock, isoToDisplayDate, localized } from '../app/format';
import { DateField } from '../components/DateField';
import { FormError } from '../components/FormError';
import { SupervisorSettingsForm } from './SupervisorSettingsForm';
import { workingTimeText } from '../counter/dossiers/format';
import { AlertsBanner } from './AlertsBanner';
import { ChartCanvas, CHART_COLOURS } from './ChartCanvas';
import { minutesText, quickRange, type QuickRange } from './dashboardRange';
import { useSupervisorLive } from './useSupervisorLive';
import './supervisor.css';

const QUICK: QuickRange[] = ['today', 'last7', 'thisMonth', 'thisQuarter'];
const LIVE_REFRESH_MS = 30_000;
/** Figures cost the hub tens of ms (bench/supervisor-figures.ts): at most one live refetch per 5 s. */
const LIVE_THROTTLE_MS = 5_000;

/**
 * /admin → Dashboard: the figures over a date range, charts (chart.js, bundled),
 * the overdue list in red, alerts, exports, and the thresholds. When the range
 * ends today the figures follow the queue live (SSE `board` → refetch, at most
 * every 5 s, and every 30 s anyway).
 */
export function DashboardSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [today, setToday] = useState<string | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const live = useSupervisorLive(getClerkToken());

  useEffect(() => {
    api('health')
      .then((h) => {
        setToday(h.officeDay);
        setRange({ from: h.officeDay, to: h.officeDay });
        setDraft({ from: h.officeDay, to: h.officeDay });
      })
      .catch(onAuthError);
  }, [onAuthError]);

  const load = useCallback(
    (r: { from: string; to: string }) => {
      setLoading(true);
      api('figures', { query: r })
        .then((f) => {
          setFigures(f);
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
    if (range) load(range);
  }, [range, load]);

  const isLive = !!range && !!today && range.to >= today;
  // Live: refetch after queue changes (throttled) and on a beat.
  const lastFetch = useRef(0);
  useEffect(() => {
    if (!isLive || !range || live.changes === 0) return;
    const wait = Math.max(0, lastFetch.current + LIVE_THROTTLE_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      load(range);
    }, wait);
    return () => clearTimeout(timer);
  }, [live.changes, isLive, range, load]);
  useEffect(() => {
    if (!isLive || !range) return;
    const timer = setInterval(() => load(range), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [isLive, range, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRange({ ...draft });
  };
  const pick = (k: QuickRange) => {
    if (!today) return;
    const r = quickRange(k, today);
    setDraft(r);
    setRange(r);
  };

  const download = async (kind: 'xlsx' | 'pdf') => {
    if (!range) return;
    try {
      const bytes = await apiBytes(kind === 'xlsx' ? 'figuresXlsx' : 'figuresPdf', { query: { ...range, lang } });
      const type = kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `motcua-${range.from}_${range.to}.${kind}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      onAuthError(err);
      setError(err);
    }
  };

  return (
    <div className="admin-section dashboard">
      <div className="dashboard__head">
        <h1>{t('supervisor.title')}</h1>
        {isLive && (
          <span className="live-badge" title={t('supervisor.liveHint')}>
            <span className="live-badge__dot" aria-hidden="true" />
            {t('supervisor.live')}
          </span>
        )}
        {figures && <span className="muted">{t('supervisor.updatedAt', { time: formatClock(figures.generatedAt) })}</span>}
      </div>
      <form className="dashboard__range" onSubmit={submit}>
        <label>
          {t('supervisor.from')}
          <DateField value={draft.from} max={draft.to || undefined} onChange={(from) => setDraft((d) => ({ ...d, from }))} required />
        </label>
        <label>
          {t('supervisor.to')}
          <DateField value={draft.to} min={draft.from || undefined} onChange={(to) => setDraft((d) => ({ ...d, to }))} required />
        </label>
        <button type="submit" className="btn btn--primary" disabled={loading}>
          {t('supervisor.load')}
        </button>
        <div className="dashboard__quick" role="group" aria-label={t('supervisor.title')}>
          {QUICK.map((k) => (
            <button key={k} type="button" className="btn btn--small" onClick={() => pick(k)}>
              {t(`supervisor.${k}`)}
            </button>
          ))}
        </div>
        <div className="dashboard__exports">
          <button type="button" className="btn" onClick={() => void download('xlsx')} disabled={!figures}>
            {t('supervisor.exportXlsx')}
          </button>
          <button type="button" className="btn" onClick={() => void download('pdf')} disabled={!figures}>
            {t('supervisor.exportPdf')}
          </button>
        </div>
      </form>
      <FormError error={error} />
      {isLive && <AlertsBanner state={live.alerts} variant="panel" showNone />}
      {!figures ? <p className="muted">{t('supervisor.loading')}</p> : <FiguresView f={figures} lang={lang} />}
      <SupervisorSettingsForm onAuthError={onAuthError} />
    </div>
  );
}

function Kpi({ label, value, tone, sub }: { label: string; value: string | number; tone?: 'bad' | 'warn' | 'good'; sub?: string }) {
  return (
    <div className={`kpi${tone ? ` kpi--${tone}` : ''}`}>
      <span className="kpi__value">{value}</span>
      <span className="kpi__label">{label}</span>
      {sub && <span className="kpi__sub">{sub}</span>}
    </div>
  );
}

function FiguresView({ f, lang }: { f: Figures; lang: 'vi' | 'en' }) {
  const { t } = useTranslation();
  const min = (s: number | null | undefined) => minutesText(s, lang);
  const num = (v: number) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');
  const pct = (v: number | null) => (v === null ? '—' : `${num(v)} %`);
  const serviceNames = f.byService.map((s) => localized(s, lang));

  const charts = useMemo(() => {
    const toMin = (s: number | null) => (s === null ? null : Math.round(s / 6) / 10);
    const byService: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: serviceNames,
        datasets: [
          { label: t('supervisor.kpi.issued'), data: f.byService.map((s) => s.issued), backgroundColor: CHART_COLOURS.navy },
          { label: t('supervisor.kpi.served'), data: f.byService.map((s) => s.served), backgroundColor: CHART_COLOURS.green },
          { label: t('supervisor.kpi.noShows'), data: f.byService.map((s) => s.noShows), backgroundColor: CHART_COLOURS.grey },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    };
    const waits: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: serviceNames,
        datasets: [
          { label: t('supervisor.kpi.waitMean'), data: f.byService.map((s) => toMin(s.wait.mean)), backgroundColor: CHART_COLOURS.gold },
          { label: t('supervisor.kpi.waitP90'), data: f.byService.map((s) => toMin(s.wait.p90)), backgroundColor: CHART_COLOURS.amber },
          { label: t('supervisor.kpi.serviceMean'), data: f.byService.map((s) => toMin(s.service.mean)), backgroundColor: CHART_COLOURS.navy },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    };
    const byDay: ChartConfiguration = {
      type: 'line',
      data: {
        labels: f.byDay.map((d) => isoToDisplayDate(d.day).slice(0, 5)),
        datasets: [
          { label: t('supervisor.kpi.issued'), data: f.byDay.map((d) => d.issued), borderColor: CHART_COLOURS.navy, backgroundColor: CHART_COLOURS.navy },
          { label: t('supervisor.kpi.served'), data: f.byDay.map((d) => d.served), borderColor: CHART_COLOURS.green, backgroundColor: CHART_COLOURS.green },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    };
    const ratings: ChartConfiguration = {
      type: 'doughnut',
      data: {
        labels: RATING_LEVELS.map((l) => t(`supervisor.levels.${l}`)),
        datasets: [{ data: [f.ratings.verySatisfied, f.ratings.satisfied, f.ratings.unsatisfied], backgroundColor: [CHART_COLOURS.green, CHART_COLOURS.gold, CHART_COLOURS.red] }],
      },
      options: { plugins: { legend: { position: 'right' } } },
    };
    const dossiers: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: f.dossiersByField.map((d) => (lang === 'en' ? d.fieldEn : d.fieldVi)),
        datasets: [
          { label: t('supervisor.kpi.received'), data: f.dossiersByField.map((d) => d.received), backgroundColor: CHART_COLOURS.navy },
          { label: t('supervisor.kpi.handedBack'), data: f.dossiersByField.map((d) => d.handedBack), backgroundColor: CHART_COLOURS.green },
          { label: t('supervisor.kpi.openNearlyDue'), data: f.dossiersByField.map((d) => d.openNearlyDue), backgroundColor: CHART_COLOURS.gold },
          { label: t('supervisor.kpi.openOverdue'), data: f.dossiersByField.map((d) => d.openOverdue), backgroundColor: CHART_COLOURS.red },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    };
    return { byService, waits, byDay, ratings, dossiers };
    // Rebuilt only when the figures or the language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [f, lang]);

  const tk = f.tickets;
  const d = f.dossiers;
  return (
    <>
      <div className="kpis">
        <Kpi label={t('supervisor.kpi.issued')} value={num(tk.issued)} />
        <Kpi label={t('supervisor.kpi.served')} value={num(tk.served)} tone="good" />
        <Kpi label={t('supervisor.kpi.noShows')} value={num(tk.noShows)} />
        <Kpi label={t('supervisor.kpi.transfers')} value={num(tk.transfers)} />
        <Kpi label={`${t('supervisor.kpi.waitMean')} / P90`} value={`${min(tk.wait.mean)} / ${min(tk.wait.p90)}′`} />
        <Kpi label={`${t('supervisor.kpi.serviceMean')} / P90`} value={`${min(tk.service.mean)} / ${min(tk.service.p90)}′`} />
        <Kpi label={t('supervisor.kpi.received')} value={num(d.received)} />
        <Kpi label={t('supervisor.kpi.handedBack')} value={num(d.handedBack)} sub={`${t('supervisor.kpi.late')}: ${num(d.handedBackLate)}`} />
        <Kpi label={t('supervisor.kpi.openOverdue')} value={num(d.openOverdue)} tone={d.openOverdue > 0 ? 'bad' : undefined} />
        <Kpi label={t('supervisor.kpi.openNearlyDue')} value={num(d.openNearlyDue)} tone={d.openNearlyDue > 0 ? 'warn' : undefined} />
        <Kpi label={t('supervisor.kpi.satisfaction')} value={pct(f.ratings.satisfactionPct)} tone="good" />
        <Kpi label={t('supervisor.kpi.ratings')} value={num(f.ratings.total)} />
      </div>

      <section className="overdue" aria-labelledby="overdue-title">
        <h2 id="overdue-title">
          {t('supervisor.tables.overdue')} ({f.overdue.length})
        </h2>
        {f.overdue.length === 0 ? (
          <p className="muted">{t('supervisor.tables.overdueEmpty')}</p>
        ) : (
          <table className="data-table overdue__table">
            <thead>
              <tr>
                {['code', 'procedure', 'field', 'clerk', 'acceptedAt', 'dueAt', 'late'].map((c) => (
                  <th key={c} scope="col">
                    {t(`supervisor.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {f.overdue.map((o) => (
                <tr key={o.code} className="is-overdue">
                  <td className="mono">{o.code}</td>
                  <td>{lang === 'en' ? o.procedureNameEn : o.procedureNameVi}</td>
                  <td>{lang === 'en' ? o.fieldEn : o.fieldVi}</td>
                  <td>{o.clerkName ?? '—'}</td>
                  <td>{formatDateTime(o.acceptedAt)}</td>
                  <td>{formatDateTime(o.dueAt)}</td>
                  <td className="overdue__late">{workingTimeText(-o.lateWorkingHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="charts">
        <figure className="card chart-card">
          <figcaption>{t('supervisor.charts.byService')}</figcaption>
          <ChartCanvas config={charts.byService} label={t('supervisor.charts.byService')} />
        </figure>
        <figure className="card chart-card">
          <figcaption>{t('supervisor.charts.waits')}</figcaption>
          <ChartCanvas config={charts.waits} label={t('supervisor.charts.waits')} />
        </figure>
        {f.byDay.length > 1 && (
          <figure className="card chart-card">
            <figcaption>{t('supervisor.charts.byDay')}</figcaption>
            <ChartCanvas config={charts.byDay} label={t('supervisor.charts.byDay')} />
          </figure>
        )}
        <figure className="card chart-card">
          <figcaption>{t('supervisor.charts.dossiersByField')}</figcaption>
          <ChartCanvas config={charts.dossiers} label={t('supervisor.charts.dossiersByField')} />
        </figure>
        <figure className="card chart-card">
          <figcaption>{t('supervisor.charts.ratings')}</figcaption>
          <ChartCanvas config={charts.ratings} label={t('supervisor.charts.ratings')} />
        </figure>
      </div>

      <div className="dash-tables">
        <Table
          title={t('supervisor.tables.byService')}
          head={[t('supervisor.col.service'), t('supervisor.kpi.issued'), t('supervisor.kpi.served'), t('supervisor.kpi.noShows'), t('supervisor.kpi.transfers'), t('supervisor.kpi.waitMean'), t('supervisor.kpi.waitP90'), t('supervisor.kpi.serviceMean'), t('supervisor.kpi.serviceP90')]}
          rows={f.byService.map((s) => [localized(s, lang), s.issued, s.served, s.noShows, s.transfers, min(s.wait.mean), min(s.wait.p90), min(s.service.mean), min(s.service.p90)])}
        />
        <Table
          title={t('supervisor.tables.byCounter')}
          head={[t('supervisor.col.counter'), t('supervisor.col.called'), t('supervisor.kpi.served'), t('supervisor.kpi.noShows'), t('supervisor.kpi.transfers'), t('supervisor.kpi.serviceMean'), t('supervisor.kpi.serviceP90')]}
          rows={f.byCounter.map((c) => [c.name, c.called, c.served, c.noShows, c.transfers, min(c.service.mean), min(c.service.p90)])}
        />
        <Table
          title={t('supervisor.tables.byClerk')}
          head={[t('supervisor.col.clerk'), t('supervisor.col.called'), t('supervisor.kpi.served'), t('supervisor.kpi.noShows'), t('supervisor.kpi.transfers'), t('supervisor.kpi.serviceMean'), t('supervisor.col.active'), t('supervisor.col.idle')]}
          rows={f.byClerk.map((c) => [c.fullName, c.called, c.served, c.noShows, c.transfers, min(c.service.mean), min(c.activeSeconds), min(c.idleSeconds)])}
        />
        <Table
          title={t('supervisor.tables.dossiersByField')}
          head={[t('supervisor.col.field'), t('supervisor.kpi.received'), t('supervisor.kpi.handedBack'), t('supervisor.kpi.onTime'), t('supervisor.kpi.late'), t('supervisor.kpi.openOverdue'), t('supervisor.kpi.openNearlyDue'), t('supervisor.kpi.openOnTime')]}
          rows={f.dossiersByField.map((x) => [lang === 'en' ? x.fieldEn : x.fieldVi, x.received, x.handedBack, x.handedBackOnTime, x.handedBackLate, x.openOverdue, x.openNearlyDue, x.openOnTime])}
        />
        <Table
          title={t('supervisor.tables.dossiersByClerk')}
          head={[t('supervisor.col.clerk'), t('supervisor.kpi.received'), t('supervisor.kpi.handedBack'), t('supervisor.kpi.onTime'), t('supervisor.kpi.late'), t('supervisor.kpi.openOverdue'), t('supervisor.kpi.openNearlyDue'), t('supervisor.kpi.openOnTime')]}
          rows={f.dossiersByClerk.map((x) => [x.fullName, x.received, x.handedBack, x.handedBackOnTime, x.handedBackLate, x.openOverdue, x.openNearlyDue, x.openOnTime])}
        />
        <Table
          title={t('supervisor.tables.ratingsByClerk')}
          head={[t('supervisor.col.clerk'), t('supervisor.kpi.ratings'), ...RATING_LEVELS.map((l) => t(`supervisor.levels.${l}`)), t('supervisor.kpi.satisfaction')]}
          rows={f.ratingsByClerk.map((r) => [r.fullName, r.total, r.verySatisfied, r.satisfied, r.unsatisfied, pct(r.satisfactionPct)])}
        />
        <Table
          title={t('supervisor.tables.ratingsByQuarter')}
          head={[t('supervisor.col.quarter'), t('supervisor.kpi.ratings'), ...RATING_LEVELS.map((l) => t(`supervisor.levels.${l}`)), t('supervisor.kpi.satisfaction')]}
          rows={f.ratingsByQuarter.map((r) => [r.quarter, r.total, r.verySatisfied, r.satisfied, r.unsatisfied, pct(r.satisfactionPct)])}
        />
        <Table
          title={t('supervisor.tables.criteria')}
          head={[t('supervisor.col.criterion'), t('supervisor.col.count'), t('supervisor.col.score')]}
          rows={f.ratings.criteria.map((c) => [RATING_CRITERIA.find((x) => x.key === c.key)?.[lang] ?? c.key, c.n, c.mean === null ? '—' : num(c.mean)])}
        />
      </div>
    </>
  );
}

function Table({ title, head, rows }: { title: string; head: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  return (
    <section className="card dash-table">
      <h2>{title}</h2>
      <table className="data-table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className="muted">
                {t('supervisor.none')}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j} className={j > 0 ? 'num' : undefined}>
                    {c}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
