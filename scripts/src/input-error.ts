// A problem in what the generator was given — the spec, its overlay, a providers.ts entry — as opposed to a bug of
// the generator: the commands report it as one line naming the file or the entry, never as a stack trace.
export class InputError extends Error {
  override readonly name = "InputError";
}
