// Messages of file reads and writes (io/): run inputs, decoding, outputs.
export const io: Record<string, string> = {
  'io/input-not-found': 'File not found: {file}',
  'io/input-directory': '{file} is a folder, not a file.',
  'io/input-fifo': '{file} is a named pipe (FIFO), not a regular file: refused without waiting.',
  'io/input-device': '{file} is a device, not a regular file: refused.',
  'io/input-special': '{file} is not a regular file (socket or other): refused.',
  'io/input-too-large': '{file} is at least {size} bytes, beyond the {max}-byte limit: refused unread.',
  'io/input-outside': '{file} is a symbolic link to a file outside the evidence folder: refused.',
  'io/input-invalid-bytes': '{file}, line {line}, column {column}: invalid {encoding} byte (byte {offset}). Save the file as UTF-8 again.',
  'io/input-unknown-encoding': '{file}: unsupported encoding "{encoding}" (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252).',
  'io/output-directory': '{file} is a folder: give an output file.',
  'io/output-special': '{file} is neither a file, a device nor a pipe: output refused.',
  'io/output-dangling-link': '{file} is a symbolic link to a missing file: output refused (segur does not write through a link to an unknown path).',
  'io/output-replaced': '{file} was replaced during the run by a link, a pipe or a folder: it is not overwritten; run the command again.',
};
