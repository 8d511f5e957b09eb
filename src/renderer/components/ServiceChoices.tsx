import { localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import type { Service } from '../../shared/api';

/** The services as big buttons (prefix chip + localized name); `onPick` gets the one chosen. */
export function ServiceChoices({ services, disabled, onPick }: { services: Service[]; disabled: boolean; onPick: (s: Service) => void }) {
  const lang = currentLanguage();
  return (
    <ul className="choice-list">
      {services.map((s) => (
        <li key={s.id}>
          <button type="button" className="choice" disabled={disabled} onClick={() => onPick(s)}>
            <span className="choice__prefix" aria-hidden="true">
              {s.prefix}
            </span>
            {localized(s, lang)}
          </button>
        </li>
      ))}
    </ul>
  );
}
