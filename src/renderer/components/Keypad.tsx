import { useTranslation } from 'react-i18next';

/** On-screen numeric keypad for touchscreens without a keyboard. */
export function Keypad({ onDigit, onBackspace, onClear, disabled }: { onDigit: (d: string) => void; onBackspace: () => void; onClear: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {digits.map((d) => (
        <button key={d} type="button" className="keypad__key" onClick={() => onDigit(d)} disabled={disabled}>
          {d}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--fn" onClick={onClear} disabled={disabled}>
        {t('keypad.clear')}
      </button>
      <button type="button" className="keypad__key" onClick={() => onDigit('0')} disabled={disabled}>
        0
      </button>
      <button type="button" className="keypad__key keypad__key--fn" onClick={onBackspace} disabled={disabled} aria-label={t('keypad.backspace')}>
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
