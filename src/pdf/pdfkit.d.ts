/** pdfkit 0.19 ships no types; ./tagged-pdf.ts describes the little of it that it uses. */
declare module 'pdfkit' {
  export interface StructureElement {
    add(child: StructureElement | (() => void)): StructureElement;
    end(): void;
  }
  interface TextOptions {
    width?: number;
    align?: 'left' | 'right' | 'center';
    continued?: boolean;
    lineBreak?: boolean;
    lineGap?: number;
  }
  interface Page {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
    maxY(): number;
  }
  class PDFDocument {
    constructor(options?: Record<string, unknown>);
    page: Page;
    x: number;
    y: number;
    registerFont(name: string, source: string | Buffer): this;
    font(source: string | Buffer): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    save(): this;
    restore(): this;
    text(text: string, x?: number | TextOptions, y?: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    widthOfString(text: string, options?: TextOptions): number;
    addPage(): this;
    switchToPage(index: number): Page;
    bufferedPageRange(): { start: number; count: number };
    struct(type: string, options?: Record<string, unknown>, children?: () => void): StructureElement;
    addStructure(element: StructureElement): this;
    markContent(tag: string, options?: Record<string, unknown>): this;
    endMarkedContent(): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
  }
  export default PDFDocument;
}
