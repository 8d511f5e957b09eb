import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RescanGuard } from '../../../shared/domain';
import type { DecodeAnswer, DecodeRequest } from './decodeWorker';

/** Between two decodes; a frame takes 20–80 ms in the worker, so the camera is read 8–12 times a second. */
const FRAME_GAP_MS = 40;

/**
 * The live camera with its target frame, decoding continuously in a worker
 * (decodeWorker.ts) while mounted. Says so plainly when there is no camera:
 * the wedge scanner and the keypad still work. `guard` (kept by the kiosk, so it
 * outlives this component) decides whether a read is a new look-up: the receipt
 * just looked up is held back until it has left the frame (shared/domain/rescanGuard.ts).
 * The count of decoded frames is on the element (`data-frames`), for the e2e tests.
 */
export function CameraScanner({ onDecoded, guard }: { onDecoded: (text: string, format: string) => void; guard: RescanGuard }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'starting' | 'live' | 'unavailable'>('starting');
  const cb = useRef(onDecoded);
  useEffect(() => {
    cb.current = onDecoded;
  });

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seq = 0;
    let frames = 0;
    const worker = new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module' });

    const next = () => {
      if (!stopped) timer = setTimeout(() => void grab(), FRAME_GAP_MS);
    };
    const grab = async () => {
      const v = video.current;
      if (stopped || !v || v.readyState < 2 || v.videoWidth === 0) return next();
      try {
        const bitmap = await createImageBitmap(v);
        const req: DecodeRequest = { id: ++seq, bitmap };
        worker.postMessage(req, [bitmap]);
      } catch {
        next();
      }
    };
    worker.onmessage = (e: MessageEvent<DecodeAnswer>) => {
      const a = e.data;
      if (guard.frame(a.text ?? null, Date.now())) {
        performance.mark('kiosk:decoded');
        cb.current(a.text!, a.format ?? '');
      }
      frames += 1;
      if (root.current) root.current.dataset.frames = String(frames);
      next();
    };
    worker.onerror = () => next();

    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
        if (stopped) return;
        const v = video.current!;
        v.srcObject = stream;
        await v.play().catch(() => undefined);
        // Watching again: the time without a camera says nothing about the receipt in front of it.
        guard.resume(Date.now());
        setState('live');
        next();
      } catch {
        if (!stopped) setState('unavailable');
      }
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      worker.terminate();
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [guard]);

  return (
    <div ref={root} className={`camera camera--${state}`}>
      <video ref={video} className="camera__video" muted playsInline aria-label={t('scan.camera.preview')} />
      {state === 'live' && (
        <div className="camera__frame" aria-hidden="true">
          <span className="camera__corner camera__corner--tl" />
          <span className="camera__corner camera__corner--tr" />
          <span className="camera__corner camera__corner--bl" />
          <span className="camera__corner camera__corner--br" />
          <span className="camera__laser" />
        </div>
      )}
      {state !== 'live' && <p className="camera__note">{state === 'starting' ? t('scan.camera.starting') : t('scan.camera.unavailable')}</p>}
    </div>
  );
}
