/**
 * The display's queue of voice calls: one call is spoken at a time, in the order
 * the calls came, so two calls never talk over each other. Pure (no audio, no
 * DOM): the player is passed in, so tests drive it with a fake one.
 *
 * - A call already waiting for the same ticket at the same counter is not queued
 *   twice (a recall pressed while the first call is still waiting to be spoken).
 * - At most `maxPending` calls wait; beyond that the oldest waiting one is dropped
 *   (a backlog of stale calls helps nobody; the board still shows them).
 */
export interface VoiceQueueHooks<T> {
  onStart?: (item: T) => void;
  /** `spoken` is false when the player could not play (audio blocked, a clip failed). */
  onEnd?: (item: T, spoken: boolean) => void;
}

export class VoiceQueue<T> {
  private readonly pending: { key: string; item: T }[] = [];
  private current: { key: string; item: T } | null = null;
  private disposed = false;

  constructor(
    private readonly play: (item: T) => Promise<boolean>,
    private readonly hooks: VoiceQueueHooks<T> = {},
    private readonly maxPending = 6,
  ) {}

  /** Queues a call; it starts at once when nothing is being spoken. */
  enqueue(item: T, key: string): void {
    if (this.disposed) return;
    if (this.pending.some((p) => p.key === key)) return;
    this.pending.push({ key, item });
    while (this.pending.length > this.maxPending) this.pending.shift();
    if (!this.current) void this.next();
  }

  get speaking(): T | null {
    return this.current?.item ?? null;
  }

  get waiting(): number {
    return this.pending.length;
  }

  /** The calls waiting for their turn, in the order they will be spoken. */
  get waitingItems(): T[] {
    return this.pending.map((p) => p.item);
  }

  /** Stops taking calls; the one being spoken finishes on its own. */
  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
  }

  private async next(): Promise<void> {
    const entry = this.pending.shift();
    if (!entry || this.disposed) return;
    this.current = entry;
    this.hooks.onStart?.(entry.item);
    let spoken = false;
    try {
      spoken = await this.play(entry.item);
    } catch {
      spoken = false;
    }
    this.current = null;
    this.hooks.onEnd?.(entry.item, spoken);
    if (!this.disposed && this.pending.length > 0) await this.next();
  }
}
