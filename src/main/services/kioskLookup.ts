import { dossierStatusKey, maskName, parseLookupInput, proofMatches, type LookupProof } from '../../shared/domain';
import { AppError, type Dossier, type KioskDossierFull, type KioskDossierLimited, type KioskLookupBody, type KioskLookupResponse } from '../../shared/api';
import type { Store } from '../db/store';
import { kioskSettingsRepo } from '../db/repos/kioskSettings';
import type { Clock } from './clock';
import type { DossierService } from './dossiers';
import { localOnlyFreshener, type DossierFreshener, type DossierFreshness } from './dossierFreshness';
import { createLookupThrottle, DEFAULT_THROTTLE, type ThrottleLimits } from './lookupThrottle';

export interface KioskLookupOptions {
  /** The district sync's freshener (the sync issue); by default the local copy as it is. */
  freshener?: DossierFreshener;
  /** A freshener is asked to keep its own short timeout; this is the look-up's guard in case it does not. */
  freshenTimeoutMs?: number;
  throttle?: ThrottleLimits;
  /** A code under the office's current agency code → the one it is stored under (an old code after a merge). */
  resolveCode?: (code: string) => string;
}

const LOCAL: DossierFreshness = { source: 'local', confirmedAt: null };

/** Whatever the freshener does (hangs, throws, answers nonsense), the look-up goes on with the local copy. */
async function freshenGuarded(freshener: DossierFreshener, code: string, timeoutMs: number): Promise<DossierFreshness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => freshener.freshen(code)),
      new Promise<DossierFreshness>((resolve) => {
        timer = setTimeout(() => resolve(LOCAL), timeoutMs);
      }),
    ]);
    const ok = answer && (answer.source === 'district' || answer.source === 'local') && (answer.confirmedAt === null || Number.isSafeInteger(answer.confirmedAt));
    return ok ? { source: answer.source, confirmedAt: answer.confirmedAt } : LOCAL;
  } catch {
    return LOCAL;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The kiosk's dossier look-up (issue 4). Order matters: the throttle first (a
 * held-back kiosk learns nothing), then the text is parsed (not ours: nothing
 * is looked up or counted), then the freshener may bring the district's copy,
 * then the local store is read and cut down to what the proof allows.
 * Counted as failures: an unknown code, a QR whose secret does not match, a
 * wrong phone ending or secret. Nothing here writes to the store.
 */
export function createKioskLookupService(store: Store, clock: Clock, dossiers: DossierService, options: KioskLookupOptions = {}) {
  const freshener = options.freshener ?? localOnlyFreshener;
  const timeoutMs = options.freshenTimeoutMs ?? 2000;
  const throttle = createLookupThrottle(() => clock.now(), options.throttle ?? DEFAULT_THROTTLE);
  const settings = kioskSettingsRepo(store.db);

  function refuseIfThrottled(kioskId: number): void {
    const wait = throttle.waitSeconds(kioskId);
    if (wait > 0) {
      throw new AppError(429, 'RATE_LIMITED', `Too many look-ups failed at the kiosks. Try again in ${wait} seconds, or ask at a counter.`, { retryAfterSeconds: wait });
    }
  }

  function limited(d: Dossier): KioskDossierLimited {
    return { code: d.code, status: d.status, statusKey: d.statusKey, dueAt: d.dueAt, dueStatus: d.dueStatus, paused: d.paused, stage: d.stage, department: d.department, updatedAt: d.updatedAt };
  }

  function full(d: Dossier): KioskDossierFull {
    const appointments = d.events.filter((e) => e.fromStatus !== null && e.fromStatus === e.toStatus && e.note !== null);
    const last = appointments.at(-1);
    return {
      ...limited(d),
      procedure: { code: d.procedure.code, nameVi: d.procedure.nameVi, nameEn: d.procedure.nameEn },
      acceptedAt: d.acceptedAt,
      applicantMasked: maskName(d.applicant.fullName),
      remainingWorkingHours: d.remainingWorkingHours,
      supplement: d.supplement,
      newAppointment: last && d.dueAt !== null ? { at: last.at, dueAt: d.dueAt } : null,
      // Status changes only; a new appointment keeps the status and shows above.
      timeline: d.events
        .filter((e) => e.fromStatus !== e.toStatus)
        .map((e) => ({ at: e.at, status: e.toStatus, statusKey: dossierStatusKey(e.toStatus)!, stage: e.stage })),
      collect: { delivery: d.resultDelivery, officeName: store.settings.office().name },
    };
  }

  async function lookup(kioskId: number, body: KioskLookupBody): Promise<KioskLookupResponse> {
    refuseIfThrottled(kioskId);
    const parsed = parseLookupInput(body.scanned);
    if (!parsed.ok) {
      throw new AppError(400, 'NOT_A_RECEIPT_CODE', 'This is not the code of a dossier of this office. Scan the barcode or QR on the receipt, or type the code printed under it.');
    }
    parsed.code = options.resolveCode?.(parsed.code) ?? parsed.code;
    const freshness = await freshenGuarded(freshener, parsed.code, timeoutMs);
    // The freshener took time: another kiosk's failures may have filled the window meanwhile.
    refuseIfThrottled(kioskId);
    let d: Dossier;
    try {
      d = dossiers.get(parsed.code);
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNKNOWN_DOSSIER') {
        throttle.fail(kioskId);
        throw new AppError(404, 'UNKNOWN_DOSSIER', `There is no dossier with code ${parsed.code}. Check the code on the receipt, or ask at a counter.`, { attemptsLeft: throttle.left(kioskId) });
      }
      throw err;
    }
    const readAt = clock.now();
    const proof: LookupProof | null = parsed.secret !== null ? { kind: 'secret', value: parsed.secret } : (body.proof ?? null);
    if (proof === null) return { level: 'limited', dossier: limited(d), freshness, readAt };
    if (!proofMatches(proof, { secret: d.secret, phone: d.applicant.phone })) {
      throttle.fail(kioskId);
      if (parsed.secret !== null) {
        // A QR with our format but not this dossier's secret: a forged or damaged receipt; show what a typed code would.
        return { level: 'limited', dossier: limited(d), freshness, readAt };
      }
      throw new AppError(403, 'VERIFICATION_FAILED', 'That does not match this dossier. Check the last 4 digits of the phone number you gave, or the code printed on the receipt.', {
        attemptsLeft: throttle.left(kioskId),
      });
    }
    return { level: 'full', dossier: full(d), freshness, readAt };
  }

  return {
    lookup,
    settings: () => settings.get(),
    setSettings(next: Parameters<typeof settings.set>[0]) {
      settings.set(next);
      return settings.get();
    },
  };
}
export type KioskLookupService = ReturnType<typeof createKioskLookupService>;
