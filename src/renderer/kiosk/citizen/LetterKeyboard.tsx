import { useTranslation } from 'react-i18next';

const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/**
 * On-screen keyboard without diacritics (the search folds them, and the
 * receipt's secret has none): letters, digits, space, delete. Keys ≥ 64 px.
 */
export function LetterKeyboard({ onKey, onBackspace, onClear, space = true, label }: { onKey: (c: string) => void; onBackspace: () => void; onClear: () => void; space?: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="letters" role="group" aria-label={label}>
      {ROWS.map((row) => (
        <div className="letters__row" key={row}>
          {[...row].map((c) => (
            <button key={c} type="button" className="letters__key" onClick={() => onKey(c)}>
              {c}
            </button>
          ))}
        </div>
      ))}
      <div className="letters__row">
        <button type="button" className="letters__key letters__key--fn" onClick={onClear}>
          {t('keypad.clear')}
        </button>
        {space && (
          <button type="button" className="letters__key letters__key--space" onClick={() => onKey(' ')} aria-label={t('scan.keyboard.space')}>
            <span aria-hidden="true">␣</span>
          </button>
        )}
        <button type="button" className="letters__key letters__key--fn" onClick={onBackspace} aria-label={t('keypad.backspace')}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
    </div>
  );
}
