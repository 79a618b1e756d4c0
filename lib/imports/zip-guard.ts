/**
 * An .xlsx file is a zip archive, and a 5 MB zip can unpack to gigabytes (a
 * "zip bomb") that would take the server's memory while the spreadsheet
 * library reads it. Before any library sees the file, this walks the zip's
 * own directory and inflates each entry with a hard cap on its output: the
 * archive must hold at most MAX_ENTRIES entries and MAX_UNPACKED_BYTES in
 * all, whatever sizes its headers claim.
 */
import { inflateRawSync } from "node:zlib";

export const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export type ZipVerdict = "ok" | "too-big" | "broken";

export function checkZip(bytes: Uint8Array): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record sits in the last 64 KB (after an optional comment).
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return "broken";
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES) return "too-big";
  let budget = MAX_UNPACKED_BYTES;
  try {
    for (let index = 0; index < entries; index += 1) {
      if (view.getUint32(at, true) !== DIRECTORY_ENTRY) return "broken";
      const method = view.getUint16(at + 10, true);
      const packed = view.getUint32(at + 20, true);
      const declared = view.getUint32(at + 24, true);
      const local = view.getUint32(at + 42, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      // Zip64 sizes (0xFFFFFFFF) do not fit any spreadsheet this platform takes.
      if (declared > budget || packed === 0xffffffff) return "too-big";
      if (view.getUint32(local, true) !== LOCAL_HEADER) return "broken";
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + packed);
      if (method === 0) {
        budget -= data.byteLength;
      } else if (method === 8) {
        // Inflating past the remaining budget throws: the headers cannot lie about the real size.
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).byteLength;
      } else {
        return "broken";
      }
      if (budget < 0) return "too-big";
    }
  } catch (error) {
    // A read past the end of the file (a RangeError without a code) means a damaged archive.
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too-big" : "broken";
  }
  return "ok";
}
