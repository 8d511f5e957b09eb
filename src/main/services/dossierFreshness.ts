export interface DossierFreshness { source: 'district' | 'local'; confirmedAt: number | null }
export interface DossierFreshener { freshen(code: string): Promise<DossierFreshness> }
