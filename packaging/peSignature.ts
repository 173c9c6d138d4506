/**
 * Removes the Authenticode signature from a Windows executable. Injecting the blob changes the
 * file, so Node's signature no longer matches and Windows would report a broken signature rather
 * than an unsigned file. As `signtool remove /s` does: the certificate table's directory entry is
 * zeroed and the certificate bytes at the end of the file are cut off.
 */

const PE_SIGNATURE = 0x00004550; // "PE\0\0"
const PE32_PLUS = 0x20b;
const PE32 = 0x10b;
/** IMAGE_DIRECTORY_ENTRY_SECURITY: its "address" is a file offset, not an RVA. */
const SECURITY_DIRECTORY = 4;

/** Where the certificate table's directory entry sits, and what it says. */
export function certificateTable(file: Buffer): { entryOffset: number; offset: number; size: number } {
  if (file.length < 0x40 || file.toString("latin1", 0, 2) !== "MZ")
    throw new Error("not a PE file (no MZ header)");
  const pe = file.readUInt32LE(0x3c);
  if (file.readUInt32LE(pe) !== PE_SIGNATURE) throw new Error("not a PE file (no PE signature)");
  const optional = pe + 24;
  const magic = file.readUInt16LE(optional);
  if (magic !== PE32_PLUS && magic !== PE32)
    throw new Error(`unknown PE optional header magic 0x${magic.toString(16)}`);
  const directories = optional + (magic === PE32_PLUS ? 112 : 96);
  const entryOffset = directories + SECURITY_DIRECTORY * 8;
  return { entryOffset, offset: file.readUInt32LE(entryOffset), size: file.readUInt32LE(entryOffset + 4) };
}

/** The file without its certificate table (unchanged when it has none). */
export function removeAuthenticode(input: Buffer): Buffer {
  const table = certificateTable(input);
  if (table.size === 0) return input;
  const end = table.offset + table.size;
  // The table is the last thing in a signed file (it is not mapped); anything after it is not ours to cut.
  const file = Buffer.from(end >= input.length - 7 ? input.subarray(0, table.offset) : input);
  file.writeUInt32LE(0, table.entryOffset);
  file.writeUInt32LE(0, table.entryOffset + 4);
  return file;
}
