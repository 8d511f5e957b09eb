/**
 * The seam between the kiosk's dossier look-up and the district sync (issue 4
 * builds the look-up, the sync issue builds a freshener that asks the district
 * server). The look-up calls `freshen(code)` first, then reads the local store,
 * so whatever the freshener managed to bring in is what the citizen sees.
 */
export interface DossierFreshness {
  source: 'district' | 'local';
  /** when the hub's copy was last confirmed by the district server, epoch ms, or null if never */
  confirmedAt: number | null;
}

export interface DossierFreshener {
  /** Bring the local copy of this dossier up to date if it can, within its own short timeout; never throws. */
  freshen(code: string): Promise<DossierFreshness>;
}

/** No district link (the default, and the office's state while the link is down): the local copy as it is. */
export const localOnlyFreshener: DossierFreshener = {
  freshen: () => Promise.resolve({ source: 'local', confirmedAt: null }),
};
