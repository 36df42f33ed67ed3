import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/metrics/period.ts';
import { notEndedWarning } from '../src/render/run.ts';

// A brief counts as of its period's end. Asked for on 2 December 2026, "2026-Q4" says "Tính đến
// ngày 31/12/2026" and counts every task due in December as overdue already: the officer is warned.
describe('notEndedWarning(period, today)', () => {
  it('warns for a period that ends after today and names the last ended one of its kind', () => {
    expect(notEndedWarning(parsePeriod('2026-Q4'), '2026-12-02')).toBe(
      'warning: 2026-Q4 has not ended (it ends on 31/12/2026, today is 2/12/2026): the brief counts as of 31/12/2026, so tasks due by then count as overdue already and the days still to come have no data; the last ended period of this kind is 2026-Q3',
    );
    expect(notEndedWarning(parsePeriod('2026-12'), '2026-12-02')).toContain(
      'the last ended period of this kind is 2026-11',
    );
    // The period before has not ended either: nothing to suggest.
    expect(notEndedWarning(parsePeriod('2027'), '2026-12-02')).toBe(
      'warning: 2027 has not ended (it ends on 31/12/2027, today is 2/12/2026): the brief counts as of 31/12/2027, so tasks due by then count as overdue already and the days still to come have no data',
    );
  });

  it('says nothing once the period has ended, and warns on its last day', () => {
    expect(notEndedWarning(parsePeriod('2026-Q3'), '2026-10-01')).toBeNull();
    expect(notEndedWarning(parsePeriod('2026-Q3'), '2026-09-30')).toContain(
      '2026-Q3 has not ended (it ends on 30/9/2026, today is 30/9/2026)',
    );
  });
});
