import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPage, straighten } from './pageDetect';

/**
 * A document camera or webcam at the counter: the clerk takes a frame, the page is found and
 * straightened, and shown to accept or take again. A camera that is refused or missing says so;
 * the scanner and files keep working.
 */
export function CameraCapture({ onPage }: { onPage: (jpeg: Blob, preview: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'live' | 'refused' | 'missing'>('starting');
  const [shot, setShot] = useState<{ blob: Blob; url: string; found: boolean } | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let alive = true;
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('missing');
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (!alive) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
        setState('live');
      })
      .catch((err: unknown) => {
        if (alive) setState((err as DOMException)?.name === 'NotAllowedError' ? 'refused' : 'missing');
      });
    return () => {
      alive = false;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  useEffect(() => () => void (shot && URL.revokeObjectURL(shot.url)), [shot]);

  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(v, 0, 0);
    const frame = ctx.getImageData(0, 0, c.width, c.height);
    const quad = findPage(frame);
    const page = quad ? straighten(frame, quad) : frame;
    const out = document.createElement('canvas');
    out.width = page.width;
    out.height = page.height;
    out.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(page.data), page.width, page.height), 0, 0);
    out.toBlob((blob) => blob && setShot({ blob, url: URL.createObjectURL(blob), found: quad !== null }), 'image/jpeg', 0.85);
  };

  if (state === 'refused' || state === 'missing')
    return (
      <p className="notice notice--warn" role="alert">
        {t(state === 'refused' ? 'digitise.camera.refused' : 'digitise.camera.missing')}
      </p>
    );
  return (
    <div className="capture-camera">
      {!shot && (
        <>
          <video ref={video} className="capture-camera__video" muted playsInline aria-label={t('digitise.camera.preview')} />
          <button type="button" className="btn btn--go" onClick={take} disabled={state !== 'live'}>
            {state === 'live' ? t('digitise.camera.take') : t('digitise.camera.starting')}
          </button>
        </>
      )}
      {shot && (
        <>
          <img src={shot.url} alt={t('digitise.camera.taken')} className="capture-camera__shot" data-page-found={shot.found ? 'yes' : 'no'} />
          {!shot.found && <p className="muted">{t('digitise.camera.noPage')}</p>}
          <div className="capture__row">
            <button type="button" className="btn btn--go" onClick={() => { onPage(shot.blob, shot.url); setShot(null); }}>
              {t('digitise.accept')}
            </button>
            <button type="button" className="btn" onClick={() => setShot(null)}>
              {t('digitise.retake')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
