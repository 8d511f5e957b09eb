import { useTranslation } from 'react-i18next';
import { useNow } from '../app/hooks';
import { formatClock, formatLongDate } from '../app/format';
import { currentLanguage } from '../app/i18n';

export function Clock({ timeZone, seconds = true, className = '' }: { timeZone?: string; seconds?: boolean; className?: string }) {
  useTranslation();
  const now = useNow(1000);
  const lang = currentLanguage();
  return (
    <div className={`clock ${className}`}>
      <time className="clock__time" dateTime={new Date(now).toISOString()}>
        {formatClock(now, timeZone, seconds)}
      </time>
      <span className="clock__date">{formatLongDate(now, lang, timeZone)}</span>
    </div>
  );
}
