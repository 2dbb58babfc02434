import ExcelJS from 'exceljs';

/** One worksheet: its name (cut to Excel's 31 characters) and its rows of text; whole numbers become numbers. */
export type XlsxSheet = { name: string; rows: string[][] };

/** A workbook of plain sheets (the statistics exports). Runs in the document worker (render.worker.ts). */
export async function renderXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lykt';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    worksheet.getColumn(1).width = 28;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
