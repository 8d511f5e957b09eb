import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Screen } from './screens';

export { screenOf, type Screen } from './screens';

/**
 * What every screen shares around its own app: the window title and
 * `body[data-screen]` (the styles key on it). Each screen's page mounts its
 * app inside this (app/mount.tsx), so no page imports another role's code.
 */
export function ScreenFrame({ screen, children }: { screen: Screen; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t(`screens.${screen}`)} · MotCua`;
    document.body.dataset.screen = screen;
  }, [screen, t]);
  return <>{children}</>;
}
