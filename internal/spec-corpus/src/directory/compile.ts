// Builds or type-checks one tsconfig with the compiler API, the way `tsc -p` would (same options, same diagnostics,
// declaration emit included), but with the libraries' declarations parsed once per process instead of once per run.
import path from "node:path";
import ts from "typescript";

/** A `checkOnly` for `compile`: the files not under `dir`. */
export const outside = (dir: string) => (file: string) => !path.resolve(file).startsWith(dir + path.sep);

/** Parsed declarations of files that never change during a run (TypeScript's libs, installed packages). */
const shared = new Map<string, ts.SourceFile>();

/**
 * Diagnostics of `tsconfig` as `file(line): TS<code> message` lines; emits to its outDir unless it says noEmit.
 * `checkOnly`, when given, limits the per-file checks to the files it accepts (the program's option and global
 * diagnostics always count): for a program whose other files an earlier build has checked already, as the ergonomic
 * package's sources are by the time its smoke test is checked against them (TypeScript checks lazily, so what the
 * accepted files use of the others is still checked, at the place it is used).
 */
export function compile(
  tsconfig: string,
  generatedRoots: readonly string[],
  checkOnly?: (file: string) => boolean,
): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`${tsconfig}: cannot be read`);
  const host = ts.createCompilerHost(parsed.options);
  const read = host.getSourceFile.bind(host);
  const isGenerated = (file: string) => generatedRoots.some((r) => file.startsWith(r));
  host.getSourceFile = (file, language, onError, fresh) => {
    if (isGenerated(file)) return read(file, language, onError, fresh);
    const key = `${file}\0${typeof language === "object" ? JSON.stringify(language) : language}`;
    let source = shared.get(key);
    if (!source) {
      source = read(file, language, onError, fresh);
      if (source) shared.set(key, source);
    }
    return source;
  };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
  const diagnostics = [
    ...parsed.errors,
    ...(checkOnly
      ? [
          // TypeScript's own per-file form (options, syntax, semantics, declarations), for each accepted file.
          ...program
            .getSourceFiles()
            .filter((f) => checkOnly(f.fileName))
            .flatMap((f) => ts.getPreEmitDiagnostics(program, f)),
          // After the files: checking them can add global diagnostics.
          ...program.getGlobalDiagnostics(),
        ]
      : ts.getPreEmitDiagnostics(program)),
  ];
  if (!parsed.options.noEmit) diagnostics.push(...program.emit().diagnostics);
  const base = path.dirname(tsconfig);
  return ts.sortAndDeduplicateDiagnostics(diagnostics).map((d) => {
    const where = d.file
      ? `${path.relative(base, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
      : tsconfig;
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}
