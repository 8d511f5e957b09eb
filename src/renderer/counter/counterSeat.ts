/**
 * Which counter this browser tab sits at. Kept in sessionStorage so a reload keeps the seat
 * while a second tab (another clerk) picks its own.
 */

const COUNTER_KEY = 'motcua.counterId';

export function storedCounterId(): number | null {
  try {
    const v = Number(window.sessionStorage.getItem(COUNTER_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}
export function storeCounterId(id: number | null): void {
  try {
    if (id === null) window.sessionStorage.removeItem(COUNTER_KEY);
    else window.sessionStorage.setItem(COUNTER_KEY, String(id));
  } catch {
    // ignore
  }
}
/** On logout the next clerk picks their own counter. */
export const forgetCounter = () => storeCounterId(null);
