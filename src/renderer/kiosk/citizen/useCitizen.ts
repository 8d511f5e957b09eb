import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { setLanguage } from '../../app/i18n';
import { CLOSED_WITHOUT_RESULT, createRescanGuard, type DossierStatusKey } from '../../../shared/domain';
import { KIOSK_IDLE_DEFAULT_SECONDS, type KioskLookupResponse, type KioskSettings } from '../../../shared/api';
import { useWedgeScanner } from './wedge';

type Via = 'camera' | 'wedge' | 'keypad';
export type Proof = { kind: 'phone_last4'; value: string } | { kind: 'secret'; value: string };

export type CitizenView =
  | { kind: 'none' }
  | { kind: 'attract' }
  | { kind: 'typeCode' }
  | { kind: 'looking' }
  | { kind: 'status'; result: KioskLookupResponse; scanned: string }
  | { kind: 'verify'; result: KioskLookupResponse; scanned: string; method: 'phone_last4' | 'secret'; error: string | null; busy: boolean }
  | { kind: 'message'; tone: 'notOurs' | 'unknown' | 'closed' | 'throttled' | 'error'; statusKey?: DossierStatusKey; seconds?: number; text?: string }
  | { kind: 'procedures' };

const details = (err: unknown) => (err instanceof ApiError && err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : {});

/**
 * The citizen's side of the kiosk (issue 4): looking up a dossier from any of
 * the three ways in, the procedures browser, the large-text mode and the idle
 * return to the attract screen. The wedge scanner listens on every kiosk
 * screen; the idle timer restarts on every touch and every change of screen,
 * and its end forgets everything personal.
 */
export function useCitizen({ onAttract }: { onAttract: () => void }) {
  const [view, setView] = useState<CitizenView>({ kind: 'none' });
  const [largeText, setLargeText] = useState(false);
  const [settings, setSettings] = useState<KioskSettings>({ idleSeconds: KIOSK_IDLE_DEFAULT_SECONDS, procedureBaseUrl: '' });
  const [agencyCode, setAgencyCode] = useState<string | null>(null);
  const lookingFor = useRef(0);
  // Outlives the camera (which unmounts on the status screen): the receipt just looked up is not
  // looked up again when "Xong" brings the camera back with the receipt still in front of it.
  const [rescan] = useState(createRescanGuard);

  useEffect(() => {
    let alive = true;
    const load = () => {
      api('kioskSettings')
        .then((s) => alive && setSettings(s))
        .catch(() => undefined);
      api('office')
        .then((o) => alive && setAgencyCode(o.agencyCode))
        .catch(() => undefined);
    };
    load();
    const timer = setInterval(load, 120_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  const lookup = useCallback(async (scanned: string, via: Via, proof?: Proof) => {
    const mine = ++lookingFor.current;
    rescan.lookedUp(scanned, Date.now());
    // "Looking up…" only when the hub is slow: a quick answer goes straight to the status, with one render less.
    const slow = proof ? undefined : setTimeout(() => mine === lookingFor.current && setView({ kind: 'looking' }), 250);
    try {
      const result = await api('kioskDossierLookup', { body: { scanned, via, proof } }).finally(() => clearTimeout(slow));
      if (mine !== lookingFor.current) return;
      if ((CLOSED_WITHOUT_RESULT as readonly string[]).includes(result.dossier.statusKey)) setView({ kind: 'message', tone: 'closed', statusKey: result.dossier.statusKey });
      else setView({ kind: 'status', result, scanned });
    } catch (err) {
      if (mine !== lookingFor.current) return;
      const code = err instanceof ApiError ? err.code : null;
      if (code === 'VERIFICATION_FAILED' && proof) {
        const left = Number(details(err).attemptsLeft ?? 0);
        setView((v) => (v.kind === 'verify' ? { ...v, busy: false, error: String(left) } : v));
        return;
      }
      if (code === 'NOT_A_RECEIPT_CODE') setView({ kind: 'message', tone: 'notOurs' });
      else if (code === 'UNKNOWN_DOSSIER') setView({ kind: 'message', tone: 'unknown' });
      else if (code === 'RATE_LIMITED') setView({ kind: 'message', tone: 'throttled', seconds: Number(details(err).retryAfterSeconds ?? 60) });
      else setView({ kind: 'message', tone: 'error', text: errorText(err) });
    }
  }, [rescan]);

  useWedgeScanner(
    useCallback(
      (text: string) => {
        performance.mark('kiosk:decoded');
        void lookup(text, 'wedge');
      },
      [lookup],
    ),
  );

  const home = useCallback(() => {
    lookingFor.current++;
    setView({ kind: 'none' });
  }, []);

  const attract = useCallback(() => {
    lookingFor.current++;
    setView({ kind: 'attract' });
    setLargeText(false);
    setLanguage('vi');
    onAttract();
  }, [onAttract]);

  // Idle: restarts on any touch or key and whenever the screen changes.
  const idleMs = settings.idleSeconds * 1000;
  useEffect(() => {
    if (view.kind === 'attract') return;
    let timer = setTimeout(attract, idleMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(attract, idleMs);
    };
    const events = ['pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true, capture: true });
    window.addEventListener('keydown', reset, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset, { capture: true });
      window.removeEventListener('keydown', reset, { capture: true });
    };
  }, [view, idleMs, attract]);

  const verify = (method: 'phone_last4' | 'secret') => setView((v) => (v.kind === 'status' || v.kind === 'verify' ? { kind: 'verify', result: v.result, scanned: v.scanned, method, error: null, busy: false } : v));
  const submitProof = (value: string) => {
    if (view.kind !== 'verify') return;
    setView({ ...view, busy: true });
    void lookup(view.scanned, 'keypad', { kind: view.method, value });
  };
  const backToStatus = () => setView((v) => (v.kind === 'verify' ? { kind: 'status', result: v.result, scanned: v.scanned } : v));

  return {
    view,
    rescan,
    settings,
    agencyCode,
    largeText,
    setLargeText,
    lookup,
    home,
    attract,
    typeCode: () => setView({ kind: 'typeCode' }),
    procedures: () => setView({ kind: 'procedures' }),
    verify,
    submitProof,
    backToStatus,
  };
}
export type Citizen = ReturnType<typeof useCitizen>;
