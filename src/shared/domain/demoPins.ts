/**
 * The demo office's PINs are printed in the README (src/main/db/seed.ts seeds
 * them), so anyone who has read it knows them. On one PC (the hub on
 * loopback) that is harmless; in LAN mode every PC of the office could log in
 * as administrator, so such a PIN must be changed at the first login there.
 */
export const DEMO_PINS: readonly string[] = ['123456', '111111', '222222'];

export function isDemoPin(pin: string): boolean {
  return DEMO_PINS.includes(pin);
}

/** A login with this PIN must change it before anything else: LAN mode and a PIN from the README. */
export function pinChangeRequired(pin: string, lanMode: boolean): boolean {
  return lanMode && isDemoPin(pin);
}
