/**
 * A date field (the browser's own picker): Enter in it never submits the form around it — a user typing a date and
 * pressing Enter means the date, not "save". Not after `max` when given (a legal date lies in the past).
 */
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';

export function DateField({ max, slotProps, onKeyDown, helperText, ...props }: TextFieldProps & { max?: string }) {
  const { i18n } = useTranslation();
  // The browser's picker shows the date in the system's format; the words below say which day it is.
  const value = typeof props.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(props.value) ? props.value : '';
  return (
    <TextField
      {...props}
      helperText={value && !props.error ? <>{helperText} <strong>{formatDate(value, i18n.language)}</strong></> : helperText}
      type="date"
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event);
      }}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, htmlInput: { max } }}
    />
  );
}
