/**
 * Sorting text the way a reader of the language expects. Code-point order puts "Đất đai" after
 * "Xây dựng" (Đ is U+0110) and "Ăn" after "Z"; Vietnamese collation puts each of the letters
 * ă â đ ê ô ơ ư right after its base letter, as the alphabet and every dictionary do. One helper,
 * used by the hub and the UI, so a list reads the same everywhere. English lists sort in English.
 */
export type CollateLanguage = 'vi' | 'en';

const collators = new Map<CollateLanguage, Intl.Collator>();

/** A shared Intl.Collator for the language (numbers in text compare as numbers: "Quầy 2" < "Quầy 10"). */
export function collator(lang: CollateLanguage = 'vi'): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: 'variant' });
    collators.set(lang, c);
  }
  return c;
}

/** Compares two texts in the language's order (a comparator for Array.prototype.sort). */
export function compareText(a: string, b: string, lang: CollateLanguage = 'vi'): number {
  return collator(lang).compare(a, b);
}

/** A sorted copy of `items`, by the text `key` gives, in the language's order; ties keep their order. */
export function sortByText<T>(items: readonly T[], key: (item: T) => string, lang: CollateLanguage = 'vi'): T[] {
  const c = collator(lang);
  return [...items].sort((x, y) => c.compare(key(x), key(y)));
}
