import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { currentLanguage } from '../../../app/i18n';
import { Modal } from '../../../components/Modal';
import { CameraCapture } from './CameraCapture';
import { addAttachment, attachmentPdf, listAttachments, removeAttachment, scanPage, toBase64, type AttachmentList } from './digitiseApi';
import './digitise.css';

type Target = { kind: 'component'; position: number } | { kind: 'result' };
type Source = 'camera' | 'scanner';
interface Page {
  data: Promise<string>;
  preview: string;
}

/**
 * The dossier's digitisation at the counter (issue 15): each received component and, once there is
 * one, the result, with its file or a way to capture it (camera, the hub's scanner, or a file the
 * citizen brought). Mounted by DossierDetail; it talks to the hub on its own and changes nothing there.
 */
export function DigitisePanel({ code, status }: { code: string; status: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [list, setList] = useState<AttachmentList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [capture, setCapture] = useState<{ target: Target; source: Source; replaces?: number } | null>(null);
  const [pages, setPages] = useState<Page[]>([]);
  const [scanned, setScanned] = useState<Page | null>(null);
  const [busy, setBusy] = useState(false);
  /** The file being looked at, in the page (a new window is refused in the desktop app). */
  const [viewing, setViewing] = useState<{ url: string; name: string } | null>(null);
  useEffect(() => () => void (viewing && URL.revokeObjectURL(viewing.url)), [viewing]);

  const reload = useCallback(() => listAttachments(code).then(setList, (e: unknown) => setError(errorText(e))), [code]);
  useEffect(() => void reload(), [reload, status]);

  const close = () => {
    setCapture(null);
    setPages([]);
    setScanned(null);
  };
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await reload();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = () => capture && void run(async () => addAttachment(code, { target: capture.target, source: capture.source, pages: await Promise.all(pages.map((p) => p.data)), replaces: capture.replaces })).then((ok) => ok && close());
  const attachFile = (target: Target, file: File, replaces?: number) =>
    void run(async () => addAttachment(code, { target, source: 'file', file: { name: file.name, data: await toBase64(file) }, replaces }));
  const scan = () =>
    void run(async () => {
      const p = await scanPage();
      setScanned({ data: Promise.resolve(p.image), preview: `data:${p.image.startsWith('iVBOR') ? 'image/png' : 'image/jpeg'};base64,${p.image}` });
    });
  const view = (id: number) =>
    void run(async () => {
      const url = URL.createObjectURL(new Blob([await attachmentPdf(code, id)], { type: 'application/pdf' }));
      setViewing({ url, name: list?.attachments.find((a) => a.id === id)?.name ?? '' });
    });
  // An inline form, not window.prompt (which the desktop app does not have).
  const [removing, setRemoving] = useState<{ id: number; reason: string } | null>(null);
  const remove = () => removing && removing.reason.trim() && void run(() => removeAttachment(code, removing.id, removing.reason)).then((ok) => ok && setRemoving(null));

  if (!list) return error ? <p className="notice notice--error">{error}</p> : null;
  const fileOf = (id: number | null) => list.attachments.find((a) => a.id === id) ?? null;
  const resultFile = list.attachments.find((a) => a.kind === 'result' && a.removedAt === null) ?? null;
  const rows: { target: Target; label: string; received: boolean; file: ReturnType<typeof fileOf> }[] = [
    ...list.components.map((c) => ({ target: { kind: 'component', position: c.position } as Target, label: `${c.position}. ${lang === 'en' && c.nameEn ? c.nameEn : c.nameVi}`, received: c.received, file: fileOf(c.attachmentId) })),
    ...(list.digitisation.resultExists ? [{ target: { kind: 'result' } as Target, label: t('digitise.result'), received: true, file: resultFile }] : []),
  ];
  const dz = list.digitisation;
  const same = (a: Target, b: Target) => a.kind === b.kind && (a.kind === 'result' || (b.kind === 'component' && a.position === b.position));

  return (
    <section className="digitise" aria-labelledby="digitise-title">
      <header className="digitise__head">
        <h2 id="digitise-title">{t('digitise.title')}</h2>
        <span className={`digitise__badge digitise__badge--${dz.digitised ? 'done' : 'todo'}`} data-testid="digitised">
          {dz.digitised ? t('digitise.digitised') : t('digitise.progress', { done: dz.componentsWithFile, total: dz.componentsReceived })}
        </span>
      </header>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ul className="digitise__list">
        {rows.map((r) => (
          <li key={r.target.kind === 'result' ? 'result' : r.target.position} className="digitise__row">
            <div className="digitise__name">
              <span>{r.label}</span>
              {!r.received ? (
                <span className="muted">{t('digitise.notReceived')}</span>
              ) : r.file ? (
                <span className="digitise__ok">
                  {t('digitise.hasFile', { pages: r.file.pages, kb: Math.max(1, Math.round(r.file.size / 1024)), at: formatDateTime(r.file.createdAt) })}
                </span>
              ) : (
                <span className="digitise__missing">{t('digitise.noFile')}</span>
              )}
            </div>
            {r.received && (
              <div className="capture__row">
                {r.file && (
                  <>
                    <button type="button" className="btn" onClick={() => view(r.file!.id)}>
                      {t('digitise.view')}
                    </button>
                    <button type="button" className="btn btn--danger" onClick={() => setRemoving({ id: r.file!.id, reason: '' })} disabled={busy}>
                      {t('digitise.remove')}
                    </button>
                  </>
                )}
                <button type="button" className="btn" onClick={() => setCapture({ target: r.target, source: 'camera', replaces: r.file?.id })} disabled={busy}>
                  {t('digitise.camera.button')}
                </button>
                <button type="button" className="btn" onClick={() => setCapture({ target: r.target, source: 'scanner', replaces: r.file?.id })} disabled={busy}>
                  {t('digitise.scanner')}
                </button>
                <label className="btn digitise__file">
                  {t('digitise.file')}
                  <input type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => e.target.files?.[0] && attachFile(r.target, e.target.files[0], r.file?.id)} disabled={busy} />
                </label>
              </div>
            )}
            {removing && r.file && removing.id === r.file.id && (
              <div className="capture__row">
                <label className="digitise__reason">
                  {t('digitise.removeReason')}
                  <input type="text" value={removing.reason} maxLength={500} onChange={(e) => setRemoving({ id: removing.id, reason: e.target.value })} />
                </label>
                <button type="button" className="btn btn--danger" onClick={remove} disabled={busy || !removing.reason.trim()}>
                  {t('digitise.removeConfirm')}
                </button>
                <button type="button" className="btn" onClick={() => setRemoving(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            )}
            {capture && same(capture.target, r.target) && (
              <div className="capture" role="group" aria-label={t('digitise.captureFor', { name: r.label })}>
                {capture.source === 'camera' && <CameraCapture onPage={(blob, preview) => setPages((p) => [...p, { data: toBase64(blob), preview }])} />}
                {capture.source === 'scanner' && !scanned && (
                  <button type="button" className="btn btn--go" onClick={scan} disabled={busy}>
                    {busy ? t('digitise.scanning') : t('digitise.scanPage')}
                  </button>
                )}
                {scanned && (
                  <>
                    <img src={scanned.preview} alt={t('digitise.scannedPage')} className="capture-camera__shot" />
                    <div className="capture__row">
                      <button type="button" className="btn btn--go" onClick={() => { setPages((p) => [...p, scanned]); setScanned(null); }}>
                        {t('digitise.accept')}
                      </button>
                      <button type="button" className="btn" onClick={() => setScanned(null)}>
                        {t('digitise.retake')}
                      </button>
                    </div>
                  </>
                )}
                <ol className="capture__pages" aria-label={t('digitise.pages', { count: pages.length })}>
                  {pages.map((p, i) => (
                    <li key={i}>
                      <img src={p.preview} alt={t('digitise.pageN', { n: i + 1 })} />
                    </li>
                  ))}
                </ol>
                <div className="capture__row">
                  <button type="button" className="btn btn--go" onClick={save} disabled={busy || pages.length === 0}>
                    {t('digitise.save', { count: pages.length })}
                  </button>
                  <button type="button" className="btn" onClick={close}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {list.attachments.some((a) => a.removedAt !== null) && (
        <details className="digitise__history">
          <summary>{t('digitise.history')}</summary>
          <ul>
            {list.attachments
              .filter((a) => a.removedAt !== null)
              .map((a) => (
                <li key={a.id}>
                  {a.name} · {t(a.replacedBy ? 'digitise.replacedAt' : 'digitise.removedAt', { at: formatDateTime(a.removedAt!) })}{' '}
                  <button type="button" className="btn btn--link" onClick={() => view(a.id)}>
                    {t('digitise.view')}
                  </button>
                </li>
              ))}
          </ul>
        </details>
      )}
      {viewing && (
        <Modal title={viewing.name} onClose={() => setViewing(null)} wide>
          <iframe src={viewing.url} title={viewing.name} className="digitise__viewer" />
        </Modal>
      )}
    </section>
  );
}
