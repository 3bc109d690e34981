/**
 * Linking an evidence item to an element of an offence of one of its cases, and removing that link (R8; events
 * evidence.element-linked / -unlinked): case → an offence the case concerns → an element of it from
 * config/elements.json (GET /api/cases/{kind}/{id}/elements), how the item bears on it, the weight and why.
 */
import { ListSubheader, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load';
import { labelOf } from '../../format';
import { DateField } from '../DateField';
import { FormDialog } from '../FormDialog';
import { Loaded } from '../Status';
import { caseField, listCaseElements, recordEvent } from './record-api';

const RELATIONS = ['supports', 'contradicts', 'context'] as const;
const WEIGHTS = ['strong', 'moderate', 'weak'] as const;

function caseName(t: ReturnType<typeof useTranslation>['t'], stream: string): string {
  const [kind = '', id = ''] = stream.split('/');
  return `${labelOf(t, 'kind', kind)} ${id}`;
}

export function ElementLinkDialog({ stream, cases, today, onClose, onSaved }: {
  stream: string; cases: readonly string[]; today: string; onClose(): void; onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [values, setValues] = useState({ case: cases[0] ?? '', offence: '', element: '', relation: 'supports', weight: 'moderate', reasoning: '', date: today });
  const [touched, setTouched] = useState(false);
  const elements = useLoad(() => (values.case ? listCaseElements(values.case) : Promise.resolve([])), [values.case]);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((previous) => ({
    ...previous, [field]: event.target.value,
    ...(field === 'case' ? { offence: '', element: '' } : field === 'offence' ? { element: '' } : {}),
  }));
  const offences = elements.data ?? [];
  const offence = offences.length === 1 ? offences[0] : offences.find((entry) => entry.offence === values.offence);
  const chosenOffence = offence?.offence ?? '';
  const missing = (field: 'element' | 'reasoning' | 'date') => touched && !values[field].trim();
  const future = values.date > today;
  // A contextual element is shared by the crimes of an offence: offered once, under its first crime.
  const seen = new Set<string>();

  return (
    <FormDialog title={t('record.linkTitle')} intro={t('record.linkIntro')} onClose={onClose} onSaved={onSaved} testId="element-link-dialog"
      valid={() => { setTouched(true); return Boolean(chosenOffence && values.element && values.reasoning.trim() && values.date && !future); }}
      save={() => recordEvent(stream, 'evidence.element-linked', values.date, {
        ...caseField(values.case), offence: chosenOffence, element: values.element, relation: values.relation, weight: values.weight, reasoning: values.reasoning.trim(),
      })}>
      <TextField select id="link-case" label={t('record.case')} value={values.case} onChange={set('case')} required>
        {cases.map((stream) => <MenuItem key={stream} value={stream}>{caseName(t, stream)}</MenuItem>)}
      </TextField>
      <Loaded state={elements}>{(list) => (list.length === 0 ? <p>{t('record.noElements')}</p> : (
        <>
          <TextField select id="link-offence" label={t('record.offence')} value={chosenOffence} onChange={set('offence')} required
            error={touched && !chosenOffence} helperText={touched && !chosenOffence ? t('record.required') : ' '}>
            {list.map((entry) => <MenuItem key={entry.offence} value={entry.offence}>{entry.label[lang]}</MenuItem>)}
          </TextField>
          <TextField select id="link-element" label={t('record.element')} value={values.element} onChange={set('element')} required disabled={!offence}
            error={missing('element')} helperText={missing('element') ? t('record.required') : ' '}
            slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxWidth: 'min(640px, calc(100vw - 32px))' } } } } } }}>
            {(offence?.crimes ?? []).flatMap((crime) => [
              ...(offence!.crimes.length > 1 ? [<ListSubheader key={`h-${crime.crime}`}>{crime.label[lang]}</ListSubheader>] : []),
              ...crime.elements.filter((element) => !seen.has(element.element) && seen.add(element.element)).map((element) => (
                <MenuItem key={element.element} value={element.element} sx={{ whiteSpace: 'normal' }}>{element.label[lang]}</MenuItem>
              )),
            ])}
          </TextField>
        </>
      ))}</Loaded>
      <TextField select id="link-relation" label={t('record.relation')} value={values.relation} onChange={set('relation')} required>
        {RELATIONS.map((relation) => <MenuItem key={relation} value={relation}>{labelOf(t, 'value', relation)}</MenuItem>)}
      </TextField>
      <TextField select id="link-weight" label={t('record.weight')} value={values.weight} onChange={set('weight')} required>
        {WEIGHTS.map((weight) => <MenuItem key={weight} value={weight}>{labelOf(t, 'value', weight)}</MenuItem>)}
      </TextField>
      <TextField id="link-reasoning" label={t('record.reasoning')} value={values.reasoning} onChange={set('reasoning')} required multiline minRows={2}
        error={missing('reasoning')} helperText={missing('reasoning') ? t('record.required') : t('record.reasoningHelp')} />
      <DateField id="link-date" label={t('record.date')} value={values.date} onChange={set('date')} required max={today}
        error={missing('date') || future} helperText={future ? t('record.futureDate', { today }) : missing('date') ? t('record.required') : t('record.dateHelp')} />
    </FormDialog>
  );
}

export function ElementUnlinkDialog({ stream, link, elementLabel, today, onClose, onSaved }: {
  stream: string; link: { case: string; offence: string; element: string }; elementLabel: string; today: string; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const bad = !date || date > today;
  return (
    <FormDialog title={t('record.unlinkTitle')} intro={t('record.unlinkIntro', { element: elementLabel })} submitLabel={t('record.unlink')} onClose={onClose} onSaved={onSaved}
      valid={() => !bad} save={() => recordEvent(stream, 'evidence.element-unlinked', date, { ...caseField(link.case), offence: link.offence, element: link.element })}>
      <DateField id="unlink-date" label={t('record.date')} value={date} onChange={(event) => setDate(event.target.value)} required max={today}
        error={bad} helperText={date > today ? t('record.futureDate', { today }) : t('record.dateHelp')} />
    </FormDialog>
  );
}
