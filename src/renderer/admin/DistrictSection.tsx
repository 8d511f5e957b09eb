import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { useResource } from './common';

/**
 * The district connection's tab. Its form (server address, enrolment, sync status) belongs to the
 * sync part (issue 5), which mounts it in the slot below; until then the tab shows what the hub
 * itself knows: the agency code the office enrols with, and whether a restore asks for re-enrolment.
 */
export function DistrictSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const loadOffice = useCallback(() => api('office'), []);
  const loadBackups = useCallback(() => api('adminBackups'), []);
  const office = useResource(loadOffice, onAuthError).data;
  const restored = useResource(loadBackups, onAuthError).data?.restoredFromBackup ?? null;
  return (
    <div className="admin-section">
      <h1>{t('admin.tabs.district')}</h1>
      <p className="muted">{t('district.lead')}</p>
      {restored && (
        <p className="notice" role="status">
          {t('district.reenrol', { takenAt: formatDateTime(restored.backupTakenAt) })}
        </p>
      )}
      <div className="district-slot" data-slot="district-connection">
        {office && <p>{t('district.agency', { code: office.agencyCode })}</p>}
        <p className="muted">{t('district.slot')}</p>
      </div>
    </div>
  );
}
