// The one error a file reader throws for a file it cannot use (corrupt, encrypted, not a workbook): its message
// is one Chinese sentence naming the file, never a library's English text.

export class UnreadableFile extends Error {
  override name = "UnreadableFile";
}
