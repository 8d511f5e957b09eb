/**
 * What the lobby reads in the "Xin mời số" card and the list of last calls,
 * so that it is always what the lobby hears. Pure (no DOM, no audio).
 *
 * The board lists the last calls the moment a clerk presses; the voice speaks
 * them one at a time, some seconds apart. So:
 * - while a call is spoken, the big card shows that call (even if the board has
 *   newer ones, or has not caught up with it yet);
 * - a call still waiting for its voice shows neither on the card nor in the
 *   list: it appears when its voice starts;
 * - with nothing spoken or waiting (audio blocked, voice off, all said), the
 *   card shows the newest call.
 */
export interface BoardCall {
  ticketNumber: string;
  counterNumber: number;
  at: number;
}

/** A call as the voice queue holds it (the SSE `call` event). */
export interface VoicedCall {
  ticketNumber: string;
  counterNumber: number;
  at: number;
}

export interface LobbyCalls {
  featured: BoardCall | null;
  rest: BoardCall[];
}

const same = (a: { ticketNumber: string; counterNumber: number }, b: { ticketNumber: string; counterNumber: number }) =>
  a.ticketNumber === b.ticketNumber && a.counterNumber === b.counterNumber;

export function lobbyCalls(lastCalls: readonly BoardCall[], speaking: VoicedCall | null, pending: readonly VoicedCall[], shown = 5): LobbyCalls {
  const left = [...lastCalls].sort((a, b) => b.at - a.at);
  /** Takes out the board's newest entry for this call (a recall is an entry of its own). */
  const takeOut = (c: VoicedCall) => {
    const i = left.findIndex((x) => same(x, c));
    return i < 0 ? undefined : left.splice(i, 1)[0];
  };
  // Waiting calls are the newest of their kind on the board: each hides its newest entry.
  for (const p of [...pending].sort((a, b) => b.at - a.at)) takeOut(p);
  let featured: BoardCall | null;
  if (speaking) {
    const entry = takeOut(speaking);
    featured = entry ?? { ticketNumber: speaking.ticketNumber, counterNumber: speaking.counterNumber, at: speaking.at };
  } else {
    featured = left.shift() ?? null;
  }
  return { featured, rest: left.slice(0, Math.max(0, shown - 1)) };
}
