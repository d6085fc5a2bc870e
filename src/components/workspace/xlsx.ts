/** The .xlsx workbook (notes + plan), with write-excel-file, loaded only when the user asks for it. */
import writeXlsxFile from 'write-excel-file/browser';
import type { Table } from './exports';

// No apostrophe here: write-excel-file writes a string as a shared string (t="s"), never a formula (<f> only for type "Formula").
const sheet = (name: string, table: Table) => ({
  sheet: name,
  data: [table.header.map((value) => ({ value, fontWeight: 'bold' as const })), ...table.rows],
});

export function workbook(notes: Table, plan: Table): Promise<Blob> {
  return writeXlsxFile([sheet('Notes', notes), sheet('Plan de progrès', plan)]).toBlob();
}
