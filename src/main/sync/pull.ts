import { createHash } from 'node:crypto';
import type { Store } from '../db/store';
import type { SyncClient } from './client';
import type { SyncState } from './state';
import type { Projector } from './project';
import { COLLECTIONS, digestResponse, pullResponse, snapshotResponse, type Collection, type DigestResponse } from '../../shared/api/sync';
import { canonicalJson } from '../../shared/domain/canonicalJson';

export const PULL_PAGE = 2000;
export const SNAPSHOT_PAGE = 5000;

/**
 * Pulls the office's change log page by page; each page and the cursor after
 * it are written in one hub transaction, so the cursor never runs ahead of
 * data safely stored. A `reset` answer downloads a snapshot into the staging
 * table (resumable page by page) and swaps it in with the cursor in one
 * transaction.
 */
export function createPuller(store: Store, state: SyncState, client: () => SyncClient | null, projector: Projector, now: () => number) {
  const db = store.db;
  const stageRow = db.prepare<[string, string, string]>('INSERT OR REPLACE INTO sync_rows_staging (collection, key, data) VALUES (?, ?, ?)');
  const rowsOf = db.prepare<[string], { key: string; data: string }>('SELECT key, data FROM sync_rows WHERE collection = ? ORDER BY key');

  const applyPage = db.transaction((changes: Parameters<Projector['apply']>[0][], from: number, cursor: number, caughtUp: boolean): boolean => {
    // Compare-and-set: if another pull moved the cursor meanwhile, this page is stale; never move the cursor back.
    if ((state.get('cursor') ?? 0) !== from) return false;
    for (const ch of changes) projector.apply(ch);
    state.set('cursor', cursor);
    const t = now();
    state.set('lastPullAt', t);
    if (caughtUp) state.set('lastCaughtUpAt', t);
    return true;
  });

  /** One page. `more` = call again. */
  async function pullPage(limit = PULL_PAGE): Promise<{ applied: number; more: boolean; reset: boolean }> {
    const c = client();
    if (!c || !state.get('hubId')) return { applied: 0, more: false, reset: false };
    if (state.get('snapshot')) {
      await continueSnapshot(c);
      return { applied: 0, more: true, reset: true };
    }
    const cursor = state.get('cursor') ?? 0;
    const answer = pullResponse.parse(await c.signed('GET', `/pull?cursor=${cursor}&limit=${limit}`));
    if (answer.kind === 'reset') {
      startSnapshot();
      return { applied: 0, more: true, reset: true };
    }
    if (!applyPage.immediate(answer.changes, cursor, answer.cursor, !answer.hasMore)) return { applied: 0, more: true, reset: false };
    return { applied: answer.changes.length, more: answer.hasMore, reset: false };
  }

  function startSnapshot(): void {
    store.write(() => {
      db.prepare('DELETE FROM sync_rows_staging').run();
      state.set('snapshot', JSON.stringify({ asOf: null, collection: COLLECTIONS[0], after: '' }));
    });
  }

  /** One snapshot page into staging (its own transaction, with the progress); the last page swaps. */
  async function continueSnapshot(c: SyncClient): Promise<void> {
    const s = JSON.parse(state.get('snapshot')!) as { asOf: number | null; collection: Collection; after: string };
    const q = new URLSearchParams({ collection: s.collection, after: s.after, limit: String(SNAPSHOT_PAGE) });
    if (s.asOf !== null) q.set('asOf', String(s.asOf));
    const page = snapshotResponse.parse(await c.signed('GET', `/snapshot?${q.toString()}`));
    const asOf = s.asOf ?? page.asOf;
    const nextCollection = COLLECTIONS[COLLECTIONS.indexOf(s.collection) + 1];
    store.write(() => {
      for (const r of page.rows) stageRow.run(s.collection, r.key, canonicalJson(r.data));
      if (page.next !== null) state.set('snapshot', JSON.stringify({ asOf, collection: s.collection, after: page.next }));
      else if (nextCollection) state.set('snapshot', JSON.stringify({ asOf, collection: nextCollection, after: '' }));
      else swap(asOf);
    });
  }

  /** Staging becomes the mirror, every row is projected again, and pulling continues from the snapshot's seq. */
  function swap(asOf: number): void {
    const t = now();
    const gone = db.prepare<[], { collection: Collection; key: string }>(
      'SELECT collection, key FROM sync_rows r WHERE NOT EXISTS (SELECT 1 FROM sync_rows_staging s WHERE s.collection = r.collection AND s.key = r.key)',
    ).all();
    db.prepare('DELETE FROM sync_rows').run();
    db.prepare('INSERT INTO sync_rows (collection, key, seq, data, confirmed_at) SELECT collection, key, ?, data, ? FROM sync_rows_staging').run(asOf, t);
    db.prepare('DELETE FROM sync_rows_staging').run();
    for (const g of gone) projector.projectOne(g.collection, g.key, null);
    // Page through (not iterate): projecting writes, and a connection cannot write while a statement iterates.
    const page = db.prepare<[string, string, string], { collection: Collection; key: string; data: string }>(
      'SELECT collection, key, data FROM sync_rows WHERE collection > ? OR (collection = ? AND key > ?) ORDER BY collection, key LIMIT 5000',
    );
    let last = { collection: '', key: '' };
    for (;;) {
      const rows = page.all(last.collection, last.collection, last.key);
      for (const r of rows) projector.projectOne(r.collection, r.key, JSON.parse(r.data));
      if (rows.length < 5000) break;
      last = rows.at(-1)!;
    }
    state.set('cursor', asOf);
    state.set('snapshot', null);
    state.set('lastPullAt', t);
  }

  /** The hub's count and hash per collection, computed exactly as the server does. */
  function localDigest(): DigestResponse['collections'] {
    return COLLECTIONS.map((collection) => {
      const hash = createHash('sha256');
      let count = 0;
      for (const r of rowsOf.iterate(collection)) {
        hash.update(`${r.key}\t${r.data}\n`);
        count++;
      }
      return { collection, count, hash: hash.digest('hex') };
    });
  }

  /**
   * Compares digests when the hub has caught up to the server's cursor. A
   * mismatch means silent drift: take a snapshot. Returns null when it could
   * not compare (the server moved on meanwhile).
   */
  async function checkDigest(): Promise<boolean | null> {
    const c = client();
    if (!c || !state.get('hubId') || state.get('snapshot')) return null;
    const server = digestResponse.parse(await c.signed('GET', '/digest'));
    if (server.cursor !== (state.get('cursor') ?? 0)) return null;
    const local = localDigest();
    const ok = server.collections.every((s) => {
      const l = local.find((x) => x.collection === s.collection);
      return l && l.count === s.count && l.hash === s.hash;
    });
    state.set('lastDigestOk', ok ? 1 : 0);
    if (!ok) startSnapshot();
    return ok;
  }

  return { pullPage, checkDigest, localDigest, startSnapshot };
}
export type Puller = ReturnType<typeof createPuller>;
