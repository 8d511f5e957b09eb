/**
 * The call chime, synthesized with WebAudio (no sound file): three soft bell
 * tones going down, like the announcement chime of a station or a bank.
 *
 * The AudioContext is created when the display starts. Electron's display window
 * allows autoplay, so it is 'running' at once; a plain browser usually starts it
 * 'suspended' until a click, and the display then shows a "tap to enable sound" button.
 */
let ctx: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = window.AudioContext ?? window.webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor({ latencyHint: 'playback' });
  } catch {
    ctx = null;
  }
  return ctx;
}

export function audioBlocked(): boolean {
  const c = audioContext();
  return !!c && c.state !== 'running';
}

export async function enableAudio(): Promise<boolean> {
  const c = audioContext();
  if (!c) return false;
  try {
    await c.resume();
  } catch {
    return false;
  }
  return c.state === 'running';
}

/** Frequencies of the three tones (E5, C5, G4): a calm descending major chord. */
export const CHIME_NOTES = [659.25, 523.25, 392.0] as const;
export const CHIME_STEP_S = 0.42;

function bell(c: AudioContext, out: AudioNode, freq: number, at: number, dur: number): void {
  // A sine fundamental with a quiet octave partial sounds like a soft bell, not a beep.
  for (const [mult, level] of [
    [1, 1],
    [2, 0.18],
    [3, 0.05],
  ] as const) {
    const osc = c.createOscillator();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(freq * mult, at);
    const g = c.createGain();
    g.gain.setValueAtTime(0.0001, at);
    g.gain.exponentialRampToValueAtTime(level, at + 0.015);
    g.gain.exponentialRampToValueAtTime(0.0001, at + dur / mult);
    osc.connect(g).connect(out);
    osc.start(at);
    osc.stop(at + dur + 0.05);
  }
}

/** Plays the chime; returns false when the browser keeps audio blocked. */
export function playChime(volume = 0.35): boolean {
  const c = audioContext();
  if (!c || c.state !== 'running') return false;
  const master = c.createGain();
  master.gain.value = volume;
  master.connect(c.destination);
  const t0 = c.currentTime + 0.05;
  CHIME_NOTES.forEach((f, i) => bell(c, master, f, t0 + i * CHIME_STEP_S, 1.6));
  return true;
}
