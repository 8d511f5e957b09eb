import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../styles/base.css';
import { setTokenSource } from './api';
import { captureDeviceTokenFromHash, getClerkToken, getDeviceToken } from './auth';
import { initI18n } from './i18n';
import { ScreenFrame } from './App';
import type { Screen } from './screens';

/**
 * Starts one screen's page (src/renderer/entries/*.tsx). Every role has its own
 * HTML page and entry, so a kiosk's browser never downloads the admin's charts.
 */
export function mountScreen(screen: Screen, Root: ComponentType): void {
  captureDeviceTokenFromHash();
  keepPerformanceBuffersSmall();
  // Kiosk, display and rating tablet speak as the paired device; counter and admin as the logged-in clerk.
  setTokenSource(screen === 'kiosk' || screen === 'display' || screen === 'rate' ? getDeviceToken : getClerkToken);
  const i18n = initI18n();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ScreenFrame screen={screen}>
          <Root />
        </ScreenFrame>
      </I18nextProvider>
    </StrictMode>,
  );
}

/**
 * A kiosk or display page runs all day: the browser keeps an entry for every
 * request (Resource Timing) until its buffer of 250 is full, which the
 * all-day test saw as heap growing for hours. Nothing here reads them, so the
 * buffer is kept small (later entries are dropped once it is full).
 */
function keepPerformanceBuffersSmall(): void {
  try {
    performance.setResourceTimingBufferSize(40);
  } catch {
    // not there (an old browser, a test's fake clock): nothing to bound
  }
}
