/** pdfmake 0.3 ships no types; ./render-pdf.ts describes the little of it that it uses. */
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}
