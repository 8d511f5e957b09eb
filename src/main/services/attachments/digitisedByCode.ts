import type { Digitisation } from '../../../shared/api/attachments';

/**
 * Decision 766 item 4.2 from each dossier's digitisation state: (1) the dossier's received components
 * all have a file (a dossier with no paper received has nothing to count), (2) its result has a file.
 */
export function digitisedByCode(states: readonly { code: string; state: Digitisation }[]): Map<string, { componentFile: boolean; resultFile: boolean }> {
  return new Map(
    states.map(({ code, state }) => [
      code,
      { componentFile: state.componentsReceived > 0 && state.missingComponents.length === 0, resultFile: state.resultExists && !state.resultMissing },
    ]),
  );
}
