/** A minimal EventSource for tests: reads named events from a fetch stream. */
export interface SseEvent {
  event: string;
  data: any;
}

export function openSse(url: string) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const waiters: { test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const ready = fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } }).then(async (res) => {
    if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let event = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (!data) continue;
            const e = { event, data: JSON.parse(data) };
            events.push(e);
            for (const w of [...waiters]) if (w.test(e)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(e);
            }
          }
        }
      } catch {
        /* aborted */
      }
    })();
    return res;
  });
  return {
    ready,
    events,
    next(test: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
      const found = events.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching SSE event in time')), timeoutMs);
        waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: () => controller.abort(),
  };
}
