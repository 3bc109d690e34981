/**
 * A date field (the browser's own picker): Enter in it never submits the form around it — a user typing a date and
 * pressing Enter means the date, not "save". Not after `max` when given (a legal date lies in the past).
 */
import { TextField, type TextFieldProps } from '@mui/material';

export function DateField({ max, slotProps, onKeyDown, ...props }: TextFieldProps & { max?: string }) {
  return (
    <TextField
      {...props}
      type="date"
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event);
      }}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, htmlInput: { max } }}
    />
  );
}
