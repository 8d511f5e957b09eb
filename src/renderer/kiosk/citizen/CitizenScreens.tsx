import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../../app/hooks';
import { Keypad } from '../../components/Keypad';
import { DossierStatusScreen } from './DossierStatusScreen';
import { ProceduresBrowser } from './ProceduresBrowser';
import type { Citizen } from './useCitizen';
import './citizen.css';

const MESSAGE_RETURN_SECONDS = 12;
/** yymmdd + 4-digit sequence: what the citizen types after the office's own agency code. */
const CODE_DIGITS = 10;

/** The citizen's screens over the kiosk's main area, while one is open. */
export function CitizenScreens({ citizen, officeName, timeZone }: { citizen: Citizen; officeName: string | null; timeZone?: string }) {
  const v = citizen.view;
  switch (v.kind) {
    case 'attract':
      return <AttractScreen officeName={officeName} onWake={citizen.home} />;
    case 'typeCode':
      return <CodeEntry agencyCode={citizen.agencyCode} onSubmit={(code) => void citizen.lookup(code, 'keypad')} onBack={citizen.home} />;
    case 'looking':
      return <Looking />;
    case 'status':
    case 'verify':
      return <DossierStatusScreen citizen={citizen} timeZone={timeZone} />;
    case 'message':
      return <MessageScreen view={v} onBack={citizen.home} />;
    case 'procedures':
      return <ProceduresBrowser baseUrl={citizen.settings.procedureBaseUrl} officeName={officeName} onBack={citizen.home} />;
    default:
      return null;
  }
}


function AttractScreen({ officeName, onWake }: { officeName: string | null; onWake: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="attract" onClick={onWake} aria-label={t('scan.attract.touch')}>
      <span className="attract__office">{officeName ?? ''}</span>
      <span className="attract__title">{t('scan.attract.title')}</span>
      <span className="attract__list">
        <span>{t('scan.attract.ticket')}</span>
        <span>{t('scan.attract.scan')}</span>
        <span>{t('scan.attract.procedures')}</span>
      </span>
      <span className="attract__touch">{t('scan.attract.touch')}</span>
      <span className="attract__en" lang="en">
        Touch the screen to begin
      </span>
    </button>
  );
}

function Looking() {
  const { t } = useTranslation();
  return (
    <section className="citizen-msg" aria-busy="true">
      <div className="citizen-spinner" aria-hidden="true" />
      <h1>{t('scan.looking')}</h1>
    </section>
  );
}

/** `000.00.15.H24` + `2611230042` → `000.00.15.H24-261123-0042`. */
export function composeCode(agencyCode: string, digits: string): string {
  return `${agencyCode}-${digits.slice(0, 6)}-${digits.slice(6, 10)}`;
}

function CodeEntry({ agencyCode, onSubmit, onBack }: { agencyCode: string | null; onSubmit: (code: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const shown = (digits + '_'.repeat(CODE_DIGITS)).slice(0, CODE_DIGITS);
  const complete = digits.length === CODE_DIGITS && agencyCode !== null;
  return (
    <section className="code-entry" aria-labelledby="code-entry-title">
      <h1 id="code-entry-title">{t('scan.code.title')}</h1>
      <p className="code-entry__lead">{t('scan.code.lead')}</p>
      <output className="code-entry__value" aria-label={t('scan.code.value')} aria-live="polite">
        <span className="code-entry__prefix">{agencyCode ?? '…'}-</span>
        <span className="code-entry__digits">
          {shown.slice(0, 6)}-{shown.slice(6)}
        </span>
      </output>
      <p className="code-entry__hint">{t('scan.code.hint')}</p>
      <Keypad onDigit={(d) => setDigits((s) => (s.length < CODE_DIGITS ? s + d : s))} onBackspace={() => setDigits((s) => s.slice(0, -1))} onClear={() => setDigits('')} />
      <div className="citizen-actions">
        <button type="button" className="btn btn--ghost btn--xl" onClick={onBack}>
          <span aria-hidden="true">‹ </span>
          {t('common.back')}
        </button>
        <button type="button" className="btn btn--primary btn--xl" disabled={!complete} onClick={() => agencyCode && onSubmit(composeCode(agencyCode, digits))}>
          {t('scan.code.submit')}
        </button>
      </div>
    </section>
  );
}

function MessageScreen({ view, onBack }: { view: Extract<Citizen['view'], { kind: 'message' }>; onBack: () => void }) {
  const { t } = useTranslation();
  const left = useCountdown(MESSAGE_RETURN_SECONDS, onBack);
  const body =
    view.tone === 'closed'
      ? t(`scan.message.closed.${view.statusKey ?? 'refused'}`)
      : view.tone === 'throttled'
        ? t('scan.message.throttled', { count: Math.ceil((view.seconds ?? 60) / 60) })
        : view.tone === 'error'
          ? (view.text ?? '')
          : t(`scan.message.${view.tone}`);
  return (
    <section className={`citizen-msg citizen-msg--${view.tone}`} role="alert" aria-labelledby="citizen-msg-title">
      <div className="citizen-msg__icon" aria-hidden="true">
        i
      </div>
      <h1 id="citizen-msg-title">{t(`scan.message.title.${view.tone}`)}</h1>
      <p className="citizen-msg__body">{body}</p>
      <p className="citizen-msg__hint">{t('scan.message.hint')}</p>
      <button type="button" className="btn btn--primary btn--xl" onClick={onBack}>
        {t('scan.backToStart')}
      </button>
      <p className="citizen-msg__countdown">{t('kiosk.returning', { count: left })}</p>
    </section>
  );
}
