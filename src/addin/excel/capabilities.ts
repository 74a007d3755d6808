/**
 * What this Excel can do beyond the ExcelApi 1.7 floor of the manifest, asked once at start-up
 * (Office.context.requirements.isSetSupported) so every newer call is gated.
 */

export interface HostCapabilities {
  /** ExcelApi 1.6: conditional formats (colour marks). */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: Excel.createWorkbook (the summary into a new workbook). */
  createWorkbook: boolean;
  /** ExcelApi 1.13: workbook.insertWorksheetsFromBase64 (insert template sheets). */
  insertSheets: boolean;
  /** ExcelApi 1.14: event.triggerSource (tell our own writes from the user's). */
  triggerSource: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
}

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): HostCapabilities {
  return {
    conditionalFormats: isSetSupported('ExcelApi', '1.6'),
    createWorkbook: isSetSupported('ExcelApi', '1.8'),
    insertSheets: isSetSupported('ExcelApi', '1.13'),
    triggerSource: isSetSupported('ExcelApi', '1.14'),
    notes: isSetSupported('ExcelApi', '1.18'),
  };
}
