/**
 * What may be recorded about an evidence item's use (R8, README "What each case rests on"): the elements it is linked
 * to (each with a way to unlink it), and buttons that open the forms to link it to an element, record the
 * originator's conditions, consent and availability. Only what the write policy gives the role is offered (the
 * allowed-events answer for the item's stream); whatever the server still refuses is shown in the dialog in words.
 */
import { Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load';
import { formatDate, labelOf } from '../../format';
import type { EvidenceDetail } from '../evidence/evidence-api';
import { ElementLinkDialog, ElementUnlinkDialog } from './ElementLinkDialogs';
import { listCaseElements, loadAllowedEvents, offers } from './record-api';
import { AvailabilityDialog, ConditionsDialog, ConsentDialog, type ConsentStep } from './UseConditionDialogs';

type Link = EvidenceDetail['use']['elementLinks'][number];
type Open = { form: 'link' } | { form: 'unlink'; link: Link } | { form: 'conditions' } | { form: 'consent'; step: ConsentStep } | { form: 'availability' };

/** The element labels of the cases an item is linked in (element id → label), for naming links without their ids. */
async function elementLabels(cases: readonly string[]): Promise<Map<string, { nl: string; en: string }>> {
  const labels = new Map<string, { nl: string; en: string }>();
  for (const stream of cases) {
    const offences = await listCaseElements(stream).catch(() => []);
    for (const offence of offences) {
      labels.set(`${stream}|offence|${offence.offence}`, offence.label);
      for (const crime of offence.crimes) for (const element of crime.elements) labels.set(`${stream}|${element.element}`, element.label);
    }
  }
  return labels;
}

export function EvidenceRecord({ item, today, onChanged }: { item: EvidenceDetail; today: string; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [open, setOpen] = useState<Open>();
  const allowed = useLoad(() => loadAllowedEvents(item.stream), [item.stream]);
  const linkCases = [...new Set(item.use.elementLinks.map((link) => link.case))];
  const labels = useLoad(() => elementLabels(linkCases), [linkCases.join(',')]);
  const proofCases = item.cases.filter((stream) => stream.startsWith('criminal/') || stream.startsWith('exclusion/'));
  const may = (type: string) => offers(allowed.data, type);
  const conditions = item.use.conditions?.conditions;
  const consent = item.use.consent;
  const originator = item.use.conditions?.originator ?? item.registration.source.name ?? '';
  const close = () => setOpen(undefined);
  const saved = () => { setOpen(undefined); onChanged(t('record.saved')); };
  const elementName = (link: Link) => labels.data?.get(`${link.case}|${link.element}`)?.[lang] ?? link.element;
  const offenceName = (link: Link) => labels.data?.get(`${link.case}|offence|${link.offence}`)?.[lang] ?? link.offence;
  const button = (id: string, label: string, next: Open) => (
    <Button id={id} key={id} variant="outlined" onClick={() => setOpen(next)}>{label}</Button>
  );
  const buttons = [
    may('evidence.element-linked') && proofCases.length > 0 && button('record-link', t('record.link'), { form: 'link' }),
    may('evidence.conditions-set') && button('record-conditions', t('record.conditions'), { form: 'conditions' }),
    may('evidence.consent-requested') && conditions === 'evidence-with-consent' && consent !== 'given' && consent !== 'asked'
      && button('record-consent-requested', t('record.consentRequested'), { form: 'consent', step: 'requested' }),
    may('evidence.consent-given') && conditions === 'evidence-with-consent' && consent !== 'given'
      && button('record-consent-given', t('record.consentGiven'), { form: 'consent', step: 'given' }),
    may('evidence.consent-refused') && conditions === 'evidence-with-consent' && consent !== 'refused'
      && button('record-consent-refused', t('record.consentRefused'), { form: 'consent', step: 'refused' }),
    may('evidence.availability-changed') && button('record-availability', t('record.availability'), { form: 'availability' }),
  ].filter(Boolean);

  return (
    <Box data-testid="evidence-record">
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem', fontWeight: 600, mt: 2 }}>{t('record.links')}</Typography>
      {item.use.elementLinks.length === 0
        ? <Typography sx={{ my: 1 }}>{t('record.noLinks')}</Typography>
        : (
          <List dense disablePadding data-testid="element-links">
            {item.use.elementLinks.map((link) => (
              <ListItem key={link.eventId} disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}
                secondaryAction={undefined}>
                <ListItemText sx={{ flex: '1 1 16rem' }}
                  primary={t('record.linkOf', { relation: labelOf(t, 'value', link.relation), element: elementName(link), offence: offenceName(link), weight: labelOf(t, 'value', link.weight), date: formatDate(link.date, i18n.language) })}
                  secondary={link.reasoning} />
                {may('evidence.element-unlinked') && (
                  <Button id={`unlink-${link.eventId}`} size="small" variant="text" onClick={() => setOpen({ form: 'unlink', link })}
                    aria-label={t('record.unlinkLabel', { element: elementName(link) })}>{t('record.unlink')}</Button>
                )}
              </ListItem>
            ))}
          </List>
        )}
      {buttons.length > 0 && (
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 2 }} role="group" aria-label={t('record.heading')}>{buttons}</Stack>
      )}
      {open?.form === 'link' && <ElementLinkDialog stream={item.stream} cases={proofCases} today={today} onClose={close} onSaved={saved} />}
      {open?.form === 'unlink' && <ElementUnlinkDialog stream={item.stream} link={open.link} elementLabel={elementName(open.link)} today={today} onClose={close} onSaved={saved} />}
      {open?.form === 'conditions' && <ConditionsDialog stream={item.stream} today={today} originator={originator} onClose={close} onSaved={saved} />}
      {open?.form === 'consent' && <ConsentDialog stream={item.stream} today={today} step={open.step} originator={originator} onClose={close} onSaved={saved} />}
      {open?.form === 'availability' && <AvailabilityDialog stream={item.stream} today={today} available={item.use.available} onClose={close} onSaved={saved} />}
    </Box>
  );
}
