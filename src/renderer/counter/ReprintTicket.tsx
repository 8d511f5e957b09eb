import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n';
import { printTicket, type PrintOutcome } from '../app/printPdf';

/**
 * One tap at the counter prints the current citizen's ticket again (on the counter's printer:
 * Electron's, the one /admin gave the device, or the browser's dialog), for a ticket whose paper
 * did not come out at the kiosk. The number itself never changes.
 */
export function ReprintTicket({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ id: number; outcome: PrintOutcome | 'busy' } | null>(null);
  const mine = state?.id === ticketId ? state.outcome : null;
  const reprint = async () => {
    setState({ id: ticketId, outcome: 'busy' });
    const outcome = await printTicket(ticketId, currentLanguage());
    setState((s) => (s?.id === ticketId ? { id: ticketId, outcome } : s));
  };
  return (
    <span className="current__reprint">
      <button type="button" className="btn btn--ghost" disabled={mine === 'busy'} onClick={() => void reprint()}>
        {t('thermal.reprint')}
      </button>
      {mine && mine !== 'busy' && (
        <span role="status" className={mine.ok ? 'muted' : 'form-error'}>
          {mine.ok ? t(mine.mode === 'dialog' ? 'thermal.reprintDialog' : 'thermal.reprintSent') : t('thermal.reprintFailed', { reason: mine.message })}
        </span>
      )}
    </span>
  );
}
