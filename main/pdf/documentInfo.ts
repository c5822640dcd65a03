// Chromium writes the <title> into the PDF but no author. This adds a new
// document information dictionary as a PDF incremental update (appended
// object, xref section and trailer pointing back at the old one), which every
// reader honours and which leaves the printed bytes untouched.

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  created: Date;
}

/** A PDF text string in UTF-16BE with byte-order mark, so Hangul titles survive. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `(D:${digits}Z)`;
}

export function setDocumentInfo(pdf: Buffer, info: DocumentInfo): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const startXrefMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailer = trailerAt >= 0 ? tail.slice(trailerAt) : '';
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!startXrefMatch || !size || !root)
    throw new Error('The engine wrote a PDF whose trailer Sherpa cannot extend with the document title and author.');
  const objectNumber = Number(size);
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectOffset = pdf.length + separator.length;
  const object =
    `${objectNumber} 0 obj\n<</Title ${textString(info.title)} /Author ${textString(info.author)} /Subject ${textString(info.subject)}` +
    ` /Creator ${textString(info.creator)} /Producer ${textString(info.producer)} /CreationDate ${pdfDate(info.created)} /ModDate ${pdfDate(info.created)}>>\nendobj\n`;
  const xrefOffset = objectOffset + Buffer.byteLength(object, 'latin1');
  const update =
    `${separator}${object}xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${objectNumber + 1} /Root ${root} /Info ${objectNumber} 0 R /Prev ${startXrefMatch[1]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
