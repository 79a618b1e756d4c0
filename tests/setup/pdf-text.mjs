// Prints the text of a PDF file as JSON. Run as its own Node process: pdf-parse
// loads pdf.js with a dynamic import that Jest's module sandbox cannot run.
import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";

await (async () => {
  const parser = new PDFParse({ data: readFileSync(process.argv[2]) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text, pages: total }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
