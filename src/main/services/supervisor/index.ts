import { type Alert, type AlertsState, type FiguresQuery, type SupervisorSettings, type SupervisorSettingsBody } from '../../../shared/api';
import { formSettingsRepo } from '../../db/repos/formSettings';
import type { Store } from '../../db/store';
import { supervisorRepo } from '../../db/repos/supervisor';
import type { DossierService } from '../dossiers';
import type { HubBus } from '../bus';
import type { Clock } from '../clock';
import { computeFigures, openDossierSnapshot } from './figures';
import { computeAlerts } from './alerts';
import { createRatings } from './ratings';
import { renderFiguresPdf, renderFiguresXlsx } from './reports';

/** Alerts are recomputed at most this often after queue changes, and on this beat anyway (a wait grows without any change). */
const ALERT_DEBOUNCE_MS = 1_000;
const ALERT_BEAT_MS = 30_000;

/**
 * The supervisor (issue 6): figures on read, alerts pushed on the event bus
 * (`alerts`) after the board changes and every 30 s, the citizen's rating.
 */
export function createSupervisorService(store: Store, clock: Clock, bus: HubBus, dossiers: DossierService, calendar: () => unknown, deviceAlerts: () => Alert[] = () => []) {
  const repo = supervisorRepo(store.db);
  const openDossiers = openDossierSnapshot(repo, dossiers, clock, calendar);
  const ratings = createRatings(store, repo, clock);
  let last = '';
  let pending: ReturnType<typeof setTimeout> | undefined;

  const alerts = (): AlertsState => {
    const state = computeAlerts(repo, dossiers, clock);
    return { ...state, alerts: [...state.alerts, ...deviceAlerts()] };
  };
  /** Emits the alerts when they changed since the last emit (or always, on the beat, so a new screen hears them). */
  const publish = (force: boolean) => {
    if (!store.db.open) return;
    const state = alerts();
    const json = JSON.stringify(state.alerts);
    if (!force && json === last) return;
    last = json;
    bus.emit('alerts', state);
  };
  const unsubscribe = bus.subscribe((name) => {
    if (name !== 'board' || pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      publish(false);
    }, ALERT_DEBOUNCE_MS);
    pending.unref?.();
  });
  const beat = setInterval(() => publish(true), ALERT_BEAT_MS);
  beat.unref?.();

  const figures = (q: FiguresQuery) => computeFigures(repo, dossiers, clock, q.from, q.to, openDossiers);
  const formHeader = formSettingsRepo(store.db, () => store.settings.office().name);
  const report = (q: FiguresQuery & { lang: 'vi' | 'en' }) => ({ figures: figures(q), officeName: store.settings.office().name, place: formHeader.header().place, lang: q.lang });

  return {
    figures,
    xlsx: (q: FiguresQuery & { lang: 'vi' | 'en' }) => renderFiguresXlsx(report(q)),
    pdf: (q: FiguresQuery & { lang: 'vi' | 'en' }) => renderFiguresPdf(report(q)),
    alerts,
    settings: () => repo.settings(),
    setSettings(s: SupervisorSettingsBody): SupervisorSettings {
      store.write(() => repo.setSettings({ ...repo.settings(), ...s }));
      publish(false);
      return repo.settings();
    },
    ratingPrompt: (counterId: number) => ratings.prompt(counterId),
    submitRating: ratings.submit,
    /** Stops the timers (the hub is closing). */
    stop() {
      clearInterval(beat);
      clearTimeout(pending);
      unsubscribe();
    },
  };
}
export type SupervisorService = ReturnType<typeof createSupervisorService>;
