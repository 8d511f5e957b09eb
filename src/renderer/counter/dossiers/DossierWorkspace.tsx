import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './dossiers.css';
import { DossierDetail } from './DossierDetail';
import { DossierList } from './DossierList';
import { RegisterForm } from './RegisterForm';
import { RegisterResult } from './RegisterResult';
import type { Dossier } from './dossierApi';

export type DossierView = { kind: 'empty' } | { kind: 'register'; ticket: { id: number; number: string } | null; n: number } | { kind: 'result'; dossier: Dossier; ticket: { id: number; number: string } | null } | { kind: 'detail'; code: string };

/** The "Hồ sơ" side of the counter: lookup on the left; registration, its result or one dossier on the right. */
export function DossierWorkspace({ view, onView, onBackToQueue, onAuthError }: { view: DossierView; onView: (v: DossierView) => void; onBackToQueue: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  const selected = view.kind === 'detail' ? view.code : view.kind === 'result' ? view.dossier.code : null;

  return (
    <main className={`dossier-ws${view.kind === 'register' ? ' dossier-ws--focus' : ''}`}>
      <aside className="dossier-ws__side" hidden={view.kind === 'register'}>
        <button type="button" className="btn btn--primary btn--lg dossier-ws__new" onClick={() => onView({ kind: 'register', ticket: null, n: Date.now() })}>
          + {t('dossier.newDossier')}
        </button>
        <DossierList selected={selected} onOpen={(code) => onView({ kind: 'detail', code })} reloadKey={reloadKey} onAuthError={onAuthError} />
      </aside>
      <div className="dossier-ws__main">
        {view.kind === 'empty' && <p className="dossier-ws__empty muted">{t('dossier.empty')}</p>}
        {view.kind === 'register' && (
          <RegisterForm
            key={view.n}
            ticket={view.ticket}
            onAuthError={onAuthError}
            onCancel={() => onView({ kind: 'empty' })}
            onRegistered={(d) => {
              reload();
              onView({ kind: 'result', dossier: d, ticket: view.ticket });
            }}
          />
        )}
        {view.kind === 'result' && (
          <RegisterResult
            dossier={view.dossier}
            onOpen={() => onView({ kind: 'detail', code: view.dossier.code })}
            onAnother={() => onView({ kind: 'register', ticket: view.ticket, n: Date.now() })}
            onBackToQueue={view.ticket ? onBackToQueue : undefined}
          />
        )}
        {view.kind === 'detail' && <DossierDetail key={view.code} code={view.code} onChanged={reload} onAuthError={onAuthError} />}
      </div>
    </main>
  );
}
