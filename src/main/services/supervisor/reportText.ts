import { officeDateVi, officeTimeOf } from '../../../shared/domain';

/** 'YYYY-MM-DD' → 'dd/mm/yyyy': every date a person reads, in both languages (en-GB order). */
export const dateOf = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};
/** 'dd/mm/yyyy HH:mm' in office time. */
export const whenText = (ms: number) => `${officeDateVi(ms)} ${officeTimeOf(ms)}`;
