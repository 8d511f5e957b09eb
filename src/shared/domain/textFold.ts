/**
 * Vietnamese text folding for search: NFC storage, and a folded form that drops
 * case and diacritics and maps đ/Đ to d (đ is a separate letter, not a letter
 * with a combining mark, so NFD alone does not remove it).
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** C0/C1 control characters other than tab and newline; rejected in names and labels. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
