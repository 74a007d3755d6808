/**
 * The file names the report-document reader takes, in a module of their own: a host decides by the
 * name alone whether to load the document reader (parse5 and the Word reader) at all.
 */

export const REPORT_DOCUMENT_EXTENSIONS: readonly string[] = ['.docx', '.html', '.htm'];

/** True for file names the report-document reader takes (.docx, .html, .htm). */
export function isReportDocumentName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return REPORT_DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
