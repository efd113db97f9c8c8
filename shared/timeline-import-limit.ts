// The size limit of an imported Protokoll, apart from the export schema (timeline-export.ts) so that the
// renderer's list toolbar can check a file's size without pulling zod into the first screen (issue 15).
/**
 * Larger files are refused before parsing. With raw control characters refused before sending too
 * (ReplayImportButton), the text stays under the browser host's 1 MiB WebSocket message limit even as
 * UTF-8 with every quote escaped.
 */
export const MAX_IMPORT_CHARS = 256 * 1024;
