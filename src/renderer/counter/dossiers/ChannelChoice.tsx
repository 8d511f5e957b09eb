import { useTranslation } from 'react-i18next';

/** How the dossier arrived, as the clerk registers it: in person (1) or by public postal service (3). Online (2) comes from the portal. */
export function ChannelChoice({ value, onChange }: { value: 1 | 3; onChange: (v: 1 | 3) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="reg-delivery">
      <legend>{t('channel.legend')}</legend>
      {([1, 3] as const).map((k) => (
        <label key={k} className={`radio-chip${value === k ? ' is-checked' : ''}`}>
          <input type="radio" name="reg-channel" checked={value === k} onChange={() => onChange(k)} />
          {t(`channel.names.${k}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The badge of a dossier that did not come in person: "Nộp trực tuyến" / "Qua bưu chính công ích". */
export function ChannelBadge({ channel }: { channel: number }) {
  const { t } = useTranslation();
  if (channel !== 2 && channel !== 3) return null;
  return <span className={`channel-badge channel-badge--${channel === 2 ? 'online' : 'postal'}`}>{t(`channel.badge.${channel}`)}</span>;
}
