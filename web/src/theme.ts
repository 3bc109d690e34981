/**
 * The look: MUI's components with the dark blue of the Dutch central government, Dutch or English component
 * texts, and a focus outline that is always visible (WCAG 2.4.7). Text colours keep a contrast of at least 4.5:1.
 */
import { createTheme } from '@mui/material/styles';
import { enUS, nlNL } from '@mui/material/locale';

export function themeFor(language: string) {
  return createTheme(
    {
      palette: {
        primary: { main: '#154273', contrastText: '#ffffff' },
        secondary: { main: '#8f3a00', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        success: { main: '#1b5e20' },
        warning: { main: '#8a4b00' },
        text: { primary: '#1a1a1a', secondary: '#4a4a4a' },
        background: { default: '#f4f6f9', paper: '#ffffff' },
      },
      typography: {
        fontFamily: '"Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif',
        h1: { fontSize: '1.8rem', fontWeight: 600 },
        h2: { fontSize: '1.3rem', fontWeight: 600 },
        h3: { fontSize: '1.1rem', fontWeight: 600 },
      },
      components: {
        // ButtonBase resets `outline` on its own class, which outranks the global :focus-visible rule: every button,
        // checkbox, tab and menu item gets the outline back where the keyboard put the focus.
        MuiButtonBase: {
          defaultProps: { disableRipple: false },
          styleOverrides: { root: { '&.Mui-focusVisible': { outline: '3px solid #ffb612', outlineOffset: '2px' } } },
        },
        MuiCssBaseline: {
          styleOverrides: {
            ':focus-visible': { outline: '3px solid #ffb612', outlineOffset: '2px' },
            a: { color: '#154273' },
          },
        },
        MuiLink: { defaultProps: { underline: 'always' } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
      },
    },
    language === 'en' ? enUS : nlNL,
  );
}
