import { canApply, isAtCounter } from '../../shared/domain';
import type { CounterState } from '../../shared/api';

/** Which counter actions can work now (the same table the hub checks). */
export function availableActions(state: CounterState | null): Record<'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pause', boolean> {
  const cur = state?.current ?? null;
  const st = cur?.status;
  const paused = !!state?.counter.paused;
  const busy = !!cur && isAtCounter(cur.status);
  const waiting = (state?.waiting ?? []).reduce((n, w) => n + w.waiting, 0);
  return {
    callNext: !!state && !paused && !busy && waiting > 0,
    recall: !!st && canApply('recall', st) && (cur?.recallCount ?? 0) < (state?.settings.recallLimit ?? Infinity),
    noShow: !!st && canApply('no_show', st),
    start: !!st && canApply('start', st),
    finish: !!st && canApply('finish', st),
    transfer: !!st && canApply('transfer', st),
    pause: !!state,
  };
}
