import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './styles/base.css';
import { captureDeviceTokenFromHash } from './app/auth';
import { initI18n } from './app/i18n';
import { App } from './app/App';

captureDeviceTokenFromHash();
const i18n = initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
