/**
 * CSV as spreadsheets read it: a header row, fields separated by a semicolon (Excel in a Dutch locale reads `;` as
 * its list separator, the comma being the decimal sign; LibreOffice asks), fields quoted when they hold a separator,
 * quote or line break, CRLF line ends, and a byte order mark so Excel reads UTF-8 (ë, ç) right. A field starting
 * with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], separator: ';' | ',' = ';'): string {
  const field = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(separator)).join('\r\n')}\r\n`;
}

/** Offers text as a file download with the given name. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
