import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The kiosk scrolls as a page when a screen holds more than the window (large text, long lists):
 * never an inner scroll box. Two things make that usable on a touchscreen:
 * - a new screen starts at its top (the ticket screen after a tile low on a scrolled page);
 * - while there is more below, a "more below" button at the bottom edge says so and scrolls on.
 */
export function useScrollTopOn(key: string): void {
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [key]);
}

/** Pixels left below the window. */
const below = () => document.documentElement.scrollHeight - window.scrollY - window.innerHeight;

export function MoreBelow() {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  useEffect(() => {
    const check = () => setMore(below() > 24);
    check();
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    // Content that grows or shrinks (services arriving, language switch, large text).
    const observer = new ResizeObserver(check);
    const root = document.querySelector('.kiosk');
    if (root) observer.observe(root);
    return () => {
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
      observer.disconnect();
    };
  }, []);
  if (!more) return null;
  return (
    <button type="button" className="kiosk-more" onClick={() => window.scrollBy({ top: Math.round(window.innerHeight * 0.6), behavior: 'smooth' })}>
      {t('kiosk.moreBelow')}
      <span aria-hidden="true"> ▾</span>
    </button>
  );
}
