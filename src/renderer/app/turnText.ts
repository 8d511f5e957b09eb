import type { TFunction } from 'i18next';
import type { IssuedTicket } from '../../shared/api';

/**
 * What a citizen is told about their turn, from the hub's call forecast: the
 * kiosk's ticket screen and the counter's walk-in slip say the same words.
 * `wait` is null when there is nothing to add (called next at a free counter).
 */
export function turnTexts(issued: Pick<IssuedTicket, 'ahead' | 'estimatedWaitMinutes'>, t: TFunction): { ahead: string; wait: string | null } {
  if (issued.ahead === null) return { ahead: t('turn.noCounter'), wait: t('turn.noCounterHint') };
  const ahead = issued.ahead > 0 ? t('turn.ahead', { count: issued.ahead }) : t('turn.next');
  const minutes = issued.estimatedWaitMinutes ?? 0;
  return { ahead, wait: minutes > 0 ? t('turn.wait', { count: minutes }) : null };
}
