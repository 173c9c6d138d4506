/**
 * Just enough of the Mach-O format to ship a changed Node.js binary for macOS: remove Apple's
 * signature before the blob goes in, then sign the result ad hoc, as `codesign --remove-signature`
 * and `codesign --sign -` do (Node's SEA docs prescribe both; Apple silicon kills a process whose
 * code has no valid signature). The ad-hoc signature is the one the Go linker writes (its
 * cmd/internal/codesign): a SuperBlob holding one CodeDirectory of SHA-256 page hashes. No
 * `codesign` exists on Linux, where the release is built.
 */
import { createHash } from "node:crypto";

const MH_MAGIC_64 = 0xfeedfacf;
const HEADER_SIZE = 32;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CPU_TYPE_ARM64 = 0x0100000c;

const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const CODE_DIRECTORY_VERSION = 0x20400;
/** CS_ADHOC | CS_LINKER_SIGNED, as the Go linker signs. */
const CS_ADHOC_LINKER_SIGNED = 0x20002;
const CS_ADHOC = 0x2;
const CS_HASHTYPE_SHA256 = 2;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const PAGE_SIZE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_SIZE_BITS;
const SUPER_BLOB_SIZE = 12;
const BLOB_INDEX_SIZE = 8;
const CODE_DIRECTORY_SIZE = 88;
const HASH_SIZE = 32;

/** A segment load command: where it sits in the header, and what it maps. */
interface Segment {
  readonly name: string;
  readonly commandOffset: number;
  readonly fileoff: number;
  readonly filesize: number;
  /** The smallest file offset of its sections that hold data (0 when none do). */
  readonly firstSectionOffset: number;
}

/** What the header of a 64-bit Mach-O file says. */
interface MachO {
  readonly cputype: number;
  readonly ncmds: number;
  readonly sizeofcmds: number;
  readonly segments: readonly Segment[];
  /** The LC_CODE_SIGNATURE command, if any. */
  readonly signature?: {
    readonly commandOffset: number;
    readonly dataoff: number;
    readonly datasize: number;
  };
}

function segmentAt(file: Buffer, offset: number): Segment {
  const nsects = file.readUInt32LE(offset + 64);
  let firstSectionOffset = 0;
  for (let s = 0; s < nsects; s++) {
    const sectionOffset = file.readUInt32LE(offset + 72 + s * 80 + 48);
    if (sectionOffset > 0 && (firstSectionOffset === 0 || sectionOffset < firstSectionOffset))
      firstSectionOffset = sectionOffset;
  }
  return {
    name: file.toString("latin1", offset + 8, offset + 24).replace(/\0+$/, ""),
    commandOffset: offset,
    fileoff: Number(file.readBigUInt64LE(offset + 40)),
    filesize: Number(file.readBigUInt64LE(offset + 48)),
    firstSectionOffset,
  };
}

/** Reads the header and load commands; a universal (fat) or 32-bit file is refused. */
export function readMachO(file: Buffer): MachO {
  if (file.length < HEADER_SIZE || file.readUInt32LE(0) !== MH_MAGIC_64) {
    throw new Error("not a 64-bit little-endian Mach-O file");
  }
  const ncmds = file.readUInt32LE(16);
  const sizeofcmds = file.readUInt32LE(20);
  const segments: Segment[] = [];
  let signature: MachO["signature"];
  let offset = HEADER_SIZE;
  for (let i = 0; i < ncmds; i++) {
    const cmd = file.readUInt32LE(offset);
    const cmdsize = file.readUInt32LE(offset + 4);
    if (cmd === LC_SEGMENT_64) segments.push(segmentAt(file, offset));
    if (cmd === LC_CODE_SIGNATURE) {
      signature = {
        commandOffset: offset,
        dataoff: file.readUInt32LE(offset + 8),
        datasize: file.readUInt32LE(offset + 12),
      };
    }
    offset += cmdsize;
  }
  return { cputype: file.readUInt32LE(4), ncmds, sizeofcmds, segments, signature };
}

function segmentNamed(macho: MachO, name: string): Segment {
  const segment = macho.segments.find((s) => s.name === name);
  if (segment === undefined) throw new Error(`the Mach-O file has no ${name} segment`);
  return segment;
}

/** __LINKEDIT, which must end the file: the signature is appended to it. */
function linkeditAtEnd(macho: MachO, fileLength: number): Segment {
  const linkedit = segmentNamed(macho, "__LINKEDIT");
  if (linkedit.fileoff + linkedit.filesize !== fileLength) {
    throw new Error("__LINKEDIT does not end the Mach-O file; cannot place a code signature");
  }
  return linkedit;
}

function setLinkeditSize(file: Buffer, macho: MachO, linkedit: Segment, filesize: number): void {
  const vmPage = macho.cputype === CPU_TYPE_ARM64 ? 0x4000 : 0x1000;
  file.writeBigUInt64LE(BigInt(filesize), linkedit.commandOffset + 48);
  file.writeBigUInt64LE(BigInt(Math.ceil(filesize / vmPage) * vmPage), linkedit.commandOffset + 32);
}

/** The file without its code signature: the load command removed, the signature's bytes cut off. */
export function removeCodeSignature(input: Buffer): Buffer {
  const macho = readMachO(input);
  const signature = macho.signature;
  if (signature === undefined) return input;
  const file = Buffer.from(input.subarray(0, signature.dataoff));
  const linkedit = segmentNamed(macho, "__LINKEDIT");
  if (linkedit.fileoff + linkedit.filesize < signature.dataoff + signature.datasize) {
    throw new Error("the code signature is not at the end of __LINKEDIT; cannot remove it");
  }
  setLinkeditSize(file, macho, linkedit, signature.dataoff - linkedit.fileoff);
  const commandsEnd = HEADER_SIZE + macho.sizeofcmds;
  const size = 16;
  file.copy(file, signature.commandOffset, signature.commandOffset + size, commandsEnd);
  file.fill(0, commandsEnd - size, commandsEnd);
  file.writeUInt32LE(macho.ncmds - 1, 16);
  file.writeUInt32LE(macho.sizeofcmds - size, 20);
  return file;
}

/** The size of the signature of `codeLimit` bytes under `identifier`. */
function signatureSize(codeLimit: number, identifier: string): number {
  const pages = Math.ceil(codeLimit / PAGE_SIZE);
  return SUPER_BLOB_SIZE + BLOB_INDEX_SIZE + CODE_DIRECTORY_SIZE + identifier.length + 1 + pages * HASH_SIZE;
}

/** The SHA-256 of one page of the signed code: bytes from `page * pageSize`, up to `codeLimit`. */
function pageHash(file: Buffer, page: number, pageSize: number, codeLimit: number): Buffer {
  const end = Math.min((page + 1) * pageSize, codeLimit);
  return createHash("sha256")
    .update(file.subarray(page * pageSize, end))
    .digest();
}

/** Writes the SuperBlob with its CodeDirectory at `dataoff`, hashing every page before it. */
function writeSignature(file: Buffer, dataoff: number, identifier: string, text: Segment): void {
  const size = signatureSize(dataoff, identifier);
  const pages = Math.ceil(dataoff / PAGE_SIZE);
  const cd = dataoff + SUPER_BLOB_SIZE + BLOB_INDEX_SIZE;
  const identOffset = CODE_DIRECTORY_SIZE;
  const hashOffset = identOffset + identifier.length + 1;
  file.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, dataoff);
  file.writeUInt32BE(size, dataoff + 4);
  file.writeUInt32BE(1, dataoff + 8);
  file.writeUInt32BE(CSSLOT_CODEDIRECTORY, dataoff + 12);
  file.writeUInt32BE(SUPER_BLOB_SIZE + BLOB_INDEX_SIZE, dataoff + 16);
  const fields: Array<[number, number]> = [
    [CSMAGIC_CODEDIRECTORY, 0],
    [size - SUPER_BLOB_SIZE - BLOB_INDEX_SIZE, 4],
    [CODE_DIRECTORY_VERSION, 8],
    [CS_ADHOC_LINKER_SIGNED, 12],
    [hashOffset, 16],
    [identOffset, 20],
    [0, 24], // special slots: none
    [pages, 28],
    [dataoff, 32], // codeLimit
  ];
  for (const [value, at] of fields) file.writeUInt32BE(value, cd + at);
  file.writeUInt8(HASH_SIZE, cd + 36);
  file.writeUInt8(CS_HASHTYPE_SHA256, cd + 37);
  file.writeUInt8(PAGE_SIZE_BITS, cd + 39);
  file.writeBigUInt64BE(BigInt(text.fileoff), cd + 64);
  file.writeBigUInt64BE(BigInt(text.filesize), cd + 72);
  file.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), cd + 80);
  file.write(`${identifier}\0`, cd + identOffset, "latin1");
  for (let page = 0; page < pages; page++) {
    pageHash(file, page, PAGE_SIZE, dataoff).copy(file, cd + hashOffset + page * HASH_SIZE);
  }
}

/** The file signed ad hoc under `identifier`. It must carry no signature (see removeCodeSignature). */
export function signAdHoc(input: Buffer, identifier: string): Buffer {
  const macho = readMachO(input);
  if (macho.signature !== undefined)
    throw new Error("the Mach-O file is signed already; remove the signature first");
  const text = segmentNamed(macho, "__TEXT");
  const commandAt = HEADER_SIZE + macho.sizeofcmds;
  if (text.firstSectionOffset > 0 && commandAt + 16 > text.firstSectionOffset) {
    throw new Error("no room in the Mach-O header for a code signature command");
  }
  const linkedit = linkeditAtEnd(macho, input.length);
  const dataoff = Math.ceil(input.length / 16) * 16;
  const size = signatureSize(dataoff, identifier);
  const file = Buffer.alloc(dataoff + size);
  input.copy(file);
  file.writeUInt32LE(LC_CODE_SIGNATURE, commandAt);
  file.writeUInt32LE(16, commandAt + 4);
  file.writeUInt32LE(dataoff, commandAt + 8);
  file.writeUInt32LE(size, commandAt + 12);
  file.writeUInt32LE(macho.ncmds + 1, 16);
  file.writeUInt32LE(macho.sizeofcmds + 16, 20);
  setLinkeditSize(file, macho, linkedit, dataoff + size - linkedit.fileoff);
  writeSignature(file, dataoff, identifier, text);
  return file;
}

/** What a file's embedded signature says, and whether its page hashes match the file. */
export interface SignatureCheck {
  readonly adHoc: boolean;
  readonly identifier: string;
  readonly hashType: number;
  readonly pages: number;
  readonly codeLimit: number;
  /** Every page hash equals the SHA-256 of that page of the file. */
  readonly hashesMatch: boolean;
}

/** Reads the signature back and checks it against the file, as the kernel does page by page. */
export function checkCodeSignature(file: Buffer): SignatureCheck {
  const signature = readMachO(file).signature;
  if (signature === undefined) throw new Error("the Mach-O file has no code signature");
  const at = signature.dataoff;
  if (file.readUInt32BE(at) !== CSMAGIC_EMBEDDED_SIGNATURE)
    throw new Error("no embedded signature SuperBlob");
  const count = file.readUInt32BE(at + 8);
  let cd = -1;
  for (let i = 0; i < count; i++) {
    if (file.readUInt32BE(at + 12 + i * 8) === CSSLOT_CODEDIRECTORY)
      cd = at + file.readUInt32BE(at + 16 + i * 8);
  }
  if (cd < 0 || file.readUInt32BE(cd) !== CSMAGIC_CODEDIRECTORY) throw new Error("no CodeDirectory");
  const hashOffset = file.readUInt32BE(cd + 16);
  const identOffset = file.readUInt32BE(cd + 20);
  const pages = file.readUInt32BE(cd + 28);
  const codeLimit = file.readUInt32BE(cd + 32);
  const pageSize = 1 << file.readUInt8(cd + 39);
  let hashesMatch = codeLimit === signature.dataoff && pages === Math.ceil(codeLimit / pageSize);
  for (let page = 0; hashesMatch && page < pages; page++) {
    const expected = pageHash(file, page, pageSize, codeLimit);
    const stored = file.subarray(
      cd + hashOffset + page * HASH_SIZE,
      cd + hashOffset + (page + 1) * HASH_SIZE,
    );
    hashesMatch = expected.equals(stored);
  }
  const identEnd = file.indexOf(0, cd + identOffset);
  return {
    adHoc: (file.readUInt32BE(cd + 12) & CS_ADHOC) !== 0,
    identifier: file.toString("latin1", cd + identOffset, identEnd),
    hashType: file.readUInt8(cd + 37),
    pages,
    codeLimit,
    hashesMatch,
  };
}
