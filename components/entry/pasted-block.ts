/**
 * What Excel, LibreOffice and Google Sheets put on the clipboard for a block
 * of cells: rows separated by line breaks, cells by tabs, the last row often
 * followed by a line break, and a cell holding a quote or a line break quoted.
 * Returns the block as rows of cell texts, or null for a single value (which
 * the browser pastes into the cell as typed). The texts are left as they are:
 * the figure rules then say what is wrong with a cell ("1.234,5", "=SUM(…)",
 * "-3"), naming its group and column.
 */
export function pastedBlock(text: string): string[][] | null {
  const normalised = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  if (!normalised.includes("\t") && !normalised.includes("\n")) return null;
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < normalised.length; index += 1) {
    const char = normalised[index];
    if (quoted) {
      if (char === '"' && normalised[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === "\t") {
      rows[rows.length - 1].push(cell.trim());
      cell = "";
    } else if (char === "\n") {
      rows[rows.length - 1].push(cell.trim());
      rows.push([]);
      cell = "";
    } else cell += char;
  }
  rows[rows.length - 1].push(cell.trim());
  return rows;
}
