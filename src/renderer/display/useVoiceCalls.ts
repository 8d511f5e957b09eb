import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_VOICE_SETTINGS, type CallEvent, type VoiceSettings } from '../../shared/api';
import { api } from '../app/api';
import { applyScreenSettings } from '../app/screenSettings';
import { VoiceQueue } from './voiceQueue';
import { playAnnouncement } from './voicePlayer';

/** The display re-reads the office's voice settings this often (and at start). */
const SETTINGS_EVERY_MS = 60_000;

export interface VoiceCallHooks {
  /** A call starts being announced (chime and voice). */
  onStart: (call: CallEvent) => void;
  /** It ended; `spoken` is false when audio is blocked. */
  onEnd: (call: CallEvent, spoken: boolean) => void;
}

/**
 * Calls announced one at a time (VoiceQueue) with the office's voice settings.
 * Returns `announce` for each SSE `call` event, the call being spoken now and
 * the calls waiting for their voice (the board shows those only when spoken: lobbyCalls.ts).
 */
export function useVoiceCalls(token: string, hooks: VoiceCallHooks): { announce: (call: CallEvent) => void; speaking: CallEvent | null; pending: CallEvent[] } {
  const settings = useRef<VoiceSettings>(DEFAULT_VOICE_SETTINGS);
  const hooksRef = useRef(hooks);
  useEffect(() => {
    hooksRef.current = hooks;
  });
  const [speaking, setSpeaking] = useState<CallEvent | null>(null);
  const [pending, setPending] = useState<CallEvent[]>([]);
  const queue = useRef<VoiceQueue<CallEvent> | null>(null);

  useEffect(() => {
    const q: VoiceQueue<CallEvent> = new VoiceQueue<CallEvent>((call) => playAnnouncement(call, settings.current), {
      // One render for "this call starts, it no longer waits": the card and the highlight move together.
      onStart: (call) => {
        setSpeaking(call);
        setPending(q.waitingItems);
        hooksRef.current.onStart(call);
      },
      onEnd: (call, spoken) => {
        setSpeaking(null);
        hooksRef.current.onEnd(call, spoken);
      },
    });
    queue.current = q;
    return () => q.dispose();
  }, []);

  useEffect(() => {
    let alive = true;
    const load = () =>
      api('screenSettings', { token })
        .then((s) => {
          if (!alive) return;
          settings.current = s.voice;
          applyScreenSettings(s);
        })
        .catch(() => undefined); // keep the last settings; the connection banner says when the hub is gone
    void load();
    const timer = setInterval(() => void load(), SETTINGS_EVERY_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [token]);

  const announce = useCallback((call: CallEvent) => {
    // A recall is a new announcement of the same ticket; only an identical one still waiting is merged.
    const q = queue.current;
    if (!q) return;
    q.enqueue(call, `${call.ticketId}@${call.counterId}`);
    setPending(q.waitingItems);
  }, []);
  return { announce, speaking, pending };
}
