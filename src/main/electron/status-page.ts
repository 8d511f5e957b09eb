/**
 * A self-contained page the shell shows while the hub starts or when it is
 * down (no network, no script, strict CSP): Vietnamese first, then English.
 */
export interface StatusMessage {
  vi: { title: string; detail?: string };
  en: { title: string; detail?: string };
  /** Technical detail for the technician (error text, file path). */
  technical?: string;
  tone?: 'info' | 'error';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function statusPageHtml(m: StatusMessage): string {
  const colour = m.tone === 'error' ? '#b00020' : '#0b4f8a';
  const block = (lang: 'vi' | 'en', t: { title: string; detail?: string }) =>
    `<section lang="${lang}"><h1>${escapeHtml(t.title)}</h1>${t.detail ? `<p>${escapeHtml(t.detail)}</p>` : ''}</section>`;
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>MotCua Kiosk</title>',
    `<style>body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;background:#f5f7fa;color:#1a1a1a}h1{color:${colour};font-size:2.2rem;margin:.4em 1em}p{font-size:1.3rem;margin:.3em 2em}section[lang=en] h1{font-size:1.5rem;color:#444}section[lang=en] p{font-size:1.1rem;color:#555}pre{margin-top:2em;color:#666;white-space:pre-wrap;max-width:80vw}</style>`,
    '</head><body>',
    block('vi', m.vi),
    block('en', m.en),
    m.technical ? `<pre>${escapeHtml(m.technical)}</pre>` : '',
    '</body></html>',
  ].join('');
}

export function statusPageUrl(m: StatusMessage): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(statusPageHtml(m))}`;
}
