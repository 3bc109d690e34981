import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { increasingDates } from './calendar.js';
import { Rng } from './prng.js';

describe('increasingDates', () => {
  it('draws one date per window, in order, the gap apart', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const windows = [['2019-01-01', '2023-12-31'], ['2023-03-01', '2024-11-30'], ['2025-02-01', '2025-11-30']] as const;
      const dates = increasingDates(new Rng(`test-${seed}`), windows, 75);
      dates.forEach((date, index) => {
        assert.ok(date >= windows[index]![0] && date <= windows[index]![1], `${date} in ${windows[index]!.join('..')}`);
        if (index > 0) assert.ok(Date.parse(date) - Date.parse(dates[index - 1]!) >= 75 * 86_400_000);
      });
    }
  });

  it('refuses windows that cannot hold the steps', () => {
    assert.throws(() => increasingDates(new Rng('test'), [['2025-01-01', '2025-01-31'], ['2025-01-15', '2025-02-10']], 60), /cannot hold/);
  });
});

describe('Rng', () => {
  it('gives the same sequence for the same label, whatever was drawn from its parent', () => {
    const parent = new Rng('demo');
    const first = parent.fork('criminal');
    parent.float();
    const second = parent.fork('criminal');
    assert.deepEqual([first.float(), first.int(1, 6)], [second.float(), second.int(1, 6)]);
    assert.notEqual(new Rng('a').float(), new Rng('b').float());
  });
});
