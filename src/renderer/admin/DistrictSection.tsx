import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { SyncSection } from '../sync/SyncSection';
import { useResource } from './common';

/**
 * The district connection's tab: the sync section (server address, enrolment, status, refused
 * changes), with what the hub itself knows on top — the agency code the office enrols with, and
 * whether the store was restored from a backup (sync re-enrols by itself with a new epoch).
 */
export function DistrictSection({ onAuthError }: { onAuthError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const loadOffice = useCallback(() => api('office'), []);
  const loadBackups = useCallback(() => api('adminBackups'), []);
  const office = useResource(loadOffice, onAuthError).data;
  const restored = useResource(loadBackups, onAuthError).data?.restoredFromBackup ?? null;
  return (
    <SyncSection onAuthError={onAuthError}>
      {office && <p className="muted">{t('district.agency', { code: office.agencyCode })}</p>}
      {restored && (
        <p className="notice" role="status">
          {t('district.reenrol', { takenAt: formatDateTime(restored.backupTakenAt) })}
        </p>
      )}
    </SyncSection>
  );
}
