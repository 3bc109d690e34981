import type { Problem } from '../domain/errors.js';

/** Collects the problems of one import, up to a limit: enough to fix a file in one go, never unbounded. */
export class ProblemList {
  readonly items: Problem[] = [];
  private dropped = 0;

  constructor(readonly limit: number) {}

  add(problem: Problem): void {
    if (this.items.length < this.limit) this.items.push(problem);
    else this.dropped += 1;
  }

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  get empty(): boolean {
    return this.count === 0;
  }
}
