/** The evidence-at-risk list as text (README, "What each case rests on"; R8). */
import type { ElementAtRisk } from '../../operations/list-evidence-at-risk.js';

export function renderEvidenceAtRisk(rows: readonly ElementAtRisk[], date: string, lang: 'nl' | 'en'): string {
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  if (rows.length === 0) return `${t('Geen elementen in gevaar op', 'No elements at risk on')} ${date}.\n`;
  const lines = [`${t('Bewijs in gevaar op', 'Evidence at risk on')} ${date}: ${rows.filter((row) => row.status === 'lost').length} ${t('verloren', 'lost')}, ${rows.filter((row) => row.status === 'at-risk').length} ${t('in gevaar', 'at risk')}`];
  for (const row of rows) {
    const status = row.status === 'lost' ? t('VERLOREN ', 'LOST     ') : t('IN GEVAAR', 'AT RISK  ');
    lines.push(`${status}  ${row.case}  ${row.offence} / ${row.element}  ${row.label[lang]}`);
    lines.push(`           ${t('rust alleen op', 'rests only on')} ${row.originator}: ${row.items.map((item) => `${item.id}${item.available ? '' : ` (${t('niet beschikbaar sinds', 'unavailable since')} ${item.unavailableSince}: ${item.unavailableReason})`}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
