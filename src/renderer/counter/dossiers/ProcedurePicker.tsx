import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { ProcedureListItem } from '../../../shared/api/catalogue';
import { searchProcedures } from './dossierApi';
import { processingText } from './format';

const DEBOUNCE_MS = 120;

/**
 * The procedure search: a combobox whose list is the hub's answer to
 * GET /procedures?q= for what is typed (debounced; the hub folds case,
 * diacritics and đ). Arrow keys move through the list, Enter picks.
 */
export function ProcedurePicker({ onPick, onError, invalid, describedBy }: { onPick: (p: ProcedureListItem) => void; onError: (err: unknown) => void; invalid?: boolean; describedBy?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ProcedureListItem[]>([]);
  const [searching, setSearching] = useState(false);
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setItems([]);
      setSearched('');
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchProcedures(text, ctl.signal)
        .then((list) => {
          setItems(list);
          setSearched(text);
          setActive(0);
        })
        .catch((err: unknown) => {
          if (!ctl.signal.aborted) onError(err);
        })
        .finally(() => {
          if (!ctl.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q, onError]);

  const listId = `${id}-list`;
  const open = items.length > 0;
  const optionId = (n: number) => `${id}-opt-${n}`;

  return (
    <div className="proc-picker">
      <label className="field__label" htmlFor={`${id}-q`}>
        {t('dossier.procedureSearch')}
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        className="proc-picker__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(' ')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && open) {
            e.preventDefault();
            setActive((a) => Math.min(items.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const p = items[active];
            if (p) onPick(p);
          } else if (e.key === 'Escape' && q) {
            e.preventDefault();
            setQ('');
          }
        }}
      />
      <span className="field__hint" id={`${id}-hint`}>
        {t('dossier.procedureSearchHint')}
      </span>
      <p className="visually-hidden" role="status">
        {searching ? t('dossier.procedureSearching') : searched && items.length === 0 ? t('dossier.procedureNone') : ''}
      </p>
      {searched && items.length === 0 && !searching && <p className="proc-picker__none muted">{t('dossier.procedureNone')}</p>}
      <ul className="proc-picker__list" id={listId} role="listbox" aria-label={t('dossier.procedureResults')} hidden={!open}>
        {items.map((p, n) => (
          <li
            key={p.code}
            id={optionId(n)}
            role="option"
            aria-selected={n === active}
            className={`proc-option${n === active ? ' is-active' : ''}`}
            onMouseEnter={() => setActive(n)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
          >
            <span className="proc-option__code mono">{p.code}</span>
            <span className="proc-option__name">{localized(p, lang)}</span>
            <span className="proc-option__meta">
              <span className="pill">{lang === 'en' ? p.fieldEn : p.fieldVi}</span>
              <span>{processingText(p.processing)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
