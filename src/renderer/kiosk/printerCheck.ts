import i18next from 'i18next';
import { api } from '../app/api';
import type { PrintOutcome } from '../app/printPdf';
import type { KioskPrinterStatus } from '../../shared/api/thermalPrinting';

/**
 * The kiosk's printer as the hub sees it now; null when the hub cannot say (an older hub, the
 * link down): the kiosk then issues as before and reports the print's outcome honestly.
 */
export async function askPrinter(): Promise<KioskPrinterStatus | null> {
  try {
    return await api('kioskPrinterStatus');
  } catch {
    return null;
  }
}

/** The ticket screen's print line when the citizen chose the number on screen only. */
export const screenOnlyOutcome = (status: KioskPrinterStatus): PrintOutcome => ({ ok: false, code: `PRINTER_${status.state.toUpperCase()}`, message: i18next.t(`thermal.state.${status.state}`) });
