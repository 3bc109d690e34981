/**
 * The reference date (peildatum) of each report column: 31 December of the column's year, or today while that year
 * is not over (docs/domain.md §6). A reference date given for the report year moves both columns: the previous year's
 * column takes the same day one year earlier, so the two stay comparable.
 */
import { ImketenError } from '../domain/errors.js';

export function referenceDatesFor(year: number, today: string, requested?: string): Record<string, string> {
  const columns = [year - 1, year];
  if (requested !== undefined) {
    if (!requested.startsWith(`${year}-`)) {
      throw new ImketenError('INVALID_INPUT', `--reference-date ${requested} does not lie in the report year ${year}.`);
    }
    const monthDay = requested.slice(5) === '02-29' ? '02-28' : requested.slice(5);
    return { [year - 1]: `${year - 1}-${monthDay}`, [year]: requested };
  }
  return Object.fromEntries(columns.map((column) => {
    const endOfYear = `${column}-12-31`;
    return [String(column), today < endOfYear ? today : endOfYear];
  }));
}
