/**
 * Plays one announcement on the display's AudioContext (the one the chime uses,
 * so "sound blocked" means the same for both): the chime, then the clips of
 * src/shared/domain/voiceCall.ts scheduled back to back, at the office's volume.
 *
 * Each clip that starts is announced as a `motcua:voice-clip` event on window
 * (detail: the clip id), so the board and the tests can follow what is said.
 */
import { announcementClips } from '../../shared/domain';
import type { VoiceSettings } from '../../shared/api';
import { audioContext, CHIME_STEP_S, playChime } from '../app/chime';

/** Vite bundles every clip as a file of its own (the CSP forbids data: audio inlined in JS). */
const CLIP_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob('../../../assets/voice/*/*.ogg', { eager: true, query: '?url', import: 'default' }) as Record<string, string>).map(([file, url]) => {
    const m = /voice\/([a-z]+)\/([a-z0-9_]+)\.ogg$/.exec(file)!;
    return [`${m[1]}/${m[2]}`, url];
  }),
);

export const VOICE_CLIP_EVENT = 'motcua:voice-clip';
/** Speech starts after the chime's last tone has begun. */
const AFTER_CHIME_S = 2 * CHIME_STEP_S + 0.7;
const WORD_GAP_S = 0.04;
const PART_GAP_S = 0.7;

const buffers = new Map<string, Promise<AudioBuffer>>();
function clip(c: AudioContext, id: string): Promise<AudioBuffer> {
  let b = buffers.get(id);
  if (!b) {
    const url = CLIP_URLS[id];
    if (!url) return Promise.reject(new Error(`no voice clip ${id}`));
    b = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`voice clip ${id}: HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((data) => c.decodeAudioData(data));
    b.catch(() => buffers.delete(id));
    buffers.set(id, b);
  }
  return b;
}

export interface Announcement {
  ticketNumber: string;
  counterNumber: number;
}

/** Resolves when the announcement has been heard (true), or at once when audio is blocked (false). */
export async function playAnnouncement(a: Announcement, settings: VoiceSettings): Promise<boolean> {
  const c = audioContext();
  if (!c || c.state !== 'running') return false;
  const volume = settings.volume / 100;
  const ids: (string | null)[] = settings.enabled ? announcementClips(a.ticketNumber, a.counterNumber, settings.language, settings.repeat) : [];
  // Decode first, so a slow disk never leaves a hole in the middle of a sentence.
  let decoded: (AudioBuffer | null)[];
  try {
    decoded = await Promise.all(ids.map((id) => (id === null ? Promise.resolve(null) : clip(c, id))));
  } catch {
    // A clip could not be loaded: the chime alone still tells the lobby to look at the board.
    decoded = [];
    ids.length = 0;
  }
  if (c.state !== 'running') return false;
  if (settings.chime) playChime(0.45 * volume);
  const out = c.createGain();
  out.gain.value = volume;
  out.connect(c.destination);
  const start = c.currentTime + (settings.chime ? AFTER_CHIME_S : 0.05);
  let t = start;
  const timers: ReturnType<typeof setTimeout>[] = [];
  decoded.forEach((buffer, i) => {
    if (buffer === null) {
      t += PART_GAP_S;
      return;
    }
    const src = c.createBufferSource();
    src.buffer = buffer;
    src.connect(out);
    src.start(t);
    const id = ids[i]!;
    timers.push(setTimeout(() => window.dispatchEvent(new CustomEvent(VOICE_CLIP_EVENT, { detail: id })), Math.max(0, (t - c.currentTime) * 1000)));
    t += buffer.duration + WORD_GAP_S;
  });
  const end = settings.chime && ids.length === 0 ? start + 0.8 : t;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (end - c.currentTime) * 1000) + 150));
  out.disconnect();
  return true;
}
