// Builds or type-checks one tsconfig with the compiler API, the way `tsc -p` would (same options, same diagnostics,
// declaration emit included), but with the libraries' declarations parsed once per process instead of once per run.
import path from "node:path";
import ts from "typescript";

/** Parsed declarations of files that never change during a run (TypeScript's libs, installed packages). */
const shared = new Map<string, ts.SourceFile>();

/** Diagnostics of `tsconfig` as `file(line): TS<code> message` lines; emits to its outDir unless it says noEmit. */
export function compile(tsconfig: string, generatedRoots: readonly string[]): string[] {
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
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  if (!parsed.options.noEmit) diagnostics.push(...program.emit().diagnostics);
  const base = path.dirname(tsconfig);
  return ts.sortAndDeduplicateDiagnostics(diagnostics).map((d) => {
    const where = d.file
      ? `${path.relative(base, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
      : tsconfig;
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}
