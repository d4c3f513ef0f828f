/**
 * Work that callers arriving together share: a caller joins the next run, which starts once the
 * run under way (if any) has ended, so no caller ever gets a run that began before it asked. What
 * the callers of one run bring (`items`) is that run's input; they all get its result.
 */
export class SharedRun<I, R> {
  private next?: { items: I[]; result: Promise<R> };
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly work: (items: I[]) => Promise<R>) {}

  join(items: readonly I[] = []): Promise<R> {
    if (this.next) {
      this.next.items.push(...items);
      return this.next.result;
    }
    const next = { items: [...items] } as { items: I[]; result: Promise<R> };
    next.result = this.last
      .catch(() => undefined)
      .then(() => {
        // From here on, callers join the run after this one.
        if (this.next === next) this.next = undefined;
        return this.work(next.items);
      });
    this.next = next;
    this.last = next.result;
    return next.result;
  }
}
