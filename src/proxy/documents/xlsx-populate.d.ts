/**
 * The part of xlsx-populate (1.21) the proxy uses. The library keeps every part of a workbook it
 * does not change (drop-downs, formats, hidden sheets, defined names) as it read it, which is why
 * the MINHAP template is filled with it.
 */
declare module 'xlsx-populate' {
  export type CellValue = string | number | boolean | Date | undefined | RichText;

  export interface RichText {
    text(): string;
  }

  export interface Cell {
    value(): CellValue;
    value(value: string | number | boolean | Date | null | undefined): Cell;
    formula(): string | undefined;
    style(names: readonly string[]): Record<string, unknown>;
    style(values: Record<string, unknown>): Cell;
    rowNumber(): number;
    columnNumber(): number;
    address(): string;
  }

  export interface Range {
    value(): CellValue[][];
    address(): string;
    startCell(): Cell;
    merged(value: boolean): Range;
    endCell(): Cell;
  }

  export interface Sheet {
    name(): string;
    name(value: string): Sheet;
    cell(rowNumber: number, columnNumber: number): Cell;
    cell(address: string): Cell;
    range(address: string): Range;
    usedRange(): Range | undefined;
    hidden(): boolean | 'very';
    hidden(value: boolean | 'very'): Sheet;
    column(column: string | number): { width(value: number): unknown };
    dataValidation(address: string, value: Record<string, unknown> | string): Sheet;
  }

  export interface Workbook {
    sheet(nameOrIndex: string | number): Sheet | undefined;
    sheets(): Sheet[];
    addSheet(name: string, index?: number): Sheet;
    definedName(name: string): Cell | Range | string | undefined;
    definedName(name: string, refersTo: string | Range): Workbook;
    outputAsync(): Promise<Buffer>;
  }

  interface XlsxPopulate {
    fromDataAsync(data: Uint8Array | Buffer | ArrayBuffer): Promise<Workbook>;
    fromBlankAsync(): Promise<Workbook>;
  }

  const XlsxPopulate: XlsxPopulate;
  export default XlsxPopulate;
}
