import http from 'node:http';

/** A GET over node:http, so the test chooses Accept-Encoding and sees the bytes as sent (fetch would decode them). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Script URLs a page names in its HTML: the entry module and its modulepreloads. */
export function scriptsInHtml(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) out.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.add(m[1]!);
  return [...out];
}

/** Static imports of a built ES module (`import"./x.js"`, `from"./x.js"`); dynamic `import("…")` is not followed. */
export function staticImports(js: string): string[] {
  const out = new Set<string>();
  for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.add(m[1]!);
  return [...out];
}

/**
 * Every script a role's page loads before it runs: the HTML's scripts and
 * modulepreloads, then the static import graph of each, as URL paths.
 */
export async function scriptGraph(base: string, route: string): Promise<string[]> {
  const page = await rawGet(base + route);
  if (page.status !== 200) throw new Error(`${route}: ${page.status}`);
  const seen = new Set<string>();
  const queue = scriptsInHtml(page.body.toString('utf8')).map((s) => new URL(s, base + route).pathname);
  while (queue.length) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const js = await rawGet(base + p);
    if (js.status !== 200) throw new Error(`${p}: ${js.status}`);
    for (const imp of staticImports(js.body.toString('utf8'))) queue.push(new URL(imp, base + p).pathname);
  }
  return [...seen].sort();
}

/** The source files a built chunk was made of, from its source map (`<chunk>.map`, written by the build). */
export async function sourcesOf(base: string, chunkPath: string): Promise<string[]> {
  const map = await rawGet(`${base}${chunkPath}.map`);
  if (map.status !== 200) throw new Error(`${chunkPath}.map: ${map.status}`);
  return (JSON.parse(map.body.toString('utf8')) as { sources: string[] }).sources;
}
