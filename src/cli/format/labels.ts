/** Words shared by the terminal and HTML reports, in both languages (kept in the core's code registry). */
export { SEVERITY_LABELS as SEVERITY_LABEL, STATUS_LABELS as STATUS_LABEL } from '../../core/codes/labels';
