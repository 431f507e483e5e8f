// A settlement file as numbered lines, streamed: node:readline over the file stream, GBK decoded by
// iconv-lite's streaming decoder, so a 100,000-row bill never sits in memory whole.
import fs from 'node:fs';
import readline from 'node:readline';
import iconv from 'iconv-lite';

export type FileEncoding = 'utf8' | 'gbk';

export interface NumberedLine {
  /** 1-based */
  readonly line: number;
  readonly text: string;
}

export async function* fileLines(path: string, encoding: FileEncoding): AsyncGenerator<NumberedLine> {
  const bytes = fs.createReadStream(path);
  // iconv-lite strips a BOM for both encodings; a UTF-8 BOM is stripped by hand below.
  const text = encoding === 'gbk' ? bytes.pipe(iconv.decodeStream('gbk')) : bytes.setEncoding('utf8');
  if (text !== bytes) bytes.on('error', (e) => text.emit('error', e));
  const lines = readline.createInterface({ input: text, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      yield { line, text: line === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw };
    }
  } finally {
    lines.close();
    bytes.destroy();
  }
}
