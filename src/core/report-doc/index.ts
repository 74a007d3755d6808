/** The report document: model, builder and the wording of the national format. */
export * from './model';
export * from './structure';
export { buildReportDocument, failedChecksNotice, paragraphsOf, shownText, type BuildReportOptions } from './build';
export { table2, table3, table4 } from './tables';
