// Shell completion for bash, zsh and fish, generated from the command tree (so it always matches the commands).
import type { Command, Option } from "commander";

interface Node {
  path: string;
  subcommands: string[];
  options: string[];
  /** Values of options that take a known set of them (`--status`). */
  choices: Record<string, string[]>;
}

/** Marks the values a flag takes for completion, when its parser (not commander's `choices`) checks them. */
export function completes<O extends Option>(option: O, values: readonly string[]): O {
  return Object.assign(option, { completionValues: values });
}

function nodes(command: Command, prefix: string[] = []): Node[] {
  const path = prefix.join(" ");
  const opts = command.options as readonly (Option & {
    argChoices?: string[];
    completionValues?: string[];
  })[];
  const choices: Record<string, string[]> = {};
  for (const o of opts) {
    const values = o.argChoices ?? o.completionValues;
    if (o.long && values?.length) choices[o.long] = values;
  }
  const node: Node = {
    path,
    subcommands: command.commands.map((c) => c.name()),
    options: [...opts.map((o) => o.long!).filter(Boolean), "--help"],
    choices,
  };
  return [node, ...command.commands.flatMap((c) => nodes(c, [...prefix, c.name()]))];
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A bash completion script: finds the deepest command named on the line and offers its subcommands and flags. */
export function bashCompletion(root: Command, name = root.name()): string {
  const all = nodes(root);
  const cases = all
    .map((n) => `    ${quote(n.path)}) words=${quote([...n.subcommands, ...n.options].join(" "))} ;;`)
    .join("\n");
  const choiceCases = all
    .flatMap((n) =>
      Object.entries(n.choices).map(
        ([opt, values]) => `    ${quote(`${n.path}|${opt}`)}) words=${quote(values.join(" "))} ;;`,
      ),
    )
    .join("\n");
  const commands = all.filter((n) => n.path).map((n) => n.path);
  return `# ${name} completion for bash: source <(${name} completion bash)
_${name}_complete() {
  local cur prev path="" candidate i words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) continue ;; esac
    if [[ -z "$path" ]]; then candidate="\${COMP_WORDS[i]}"; else candidate="$path \${COMP_WORDS[i]}"; fi
    case "$candidate" in
${commands.map((c) => `      ${quote(c)}) path="$candidate" ;;`).join("\n")}
    esac
  done
  words=""
  case "$path|$prev" in
${choiceCases}
  esac
  if [[ -z "$words" ]]; then
    case "$path" in
${cases}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _${name}_complete ${name}
`;
}

/** zsh runs the bash script through its bash-completion layer. */
export function zshCompletion(root: Command, name = root.name()): string {
  return `#compdef ${name}
# ${name} completion for zsh: source <(${name} completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(root, name)}`;
}

/** A fish script: one `complete` line per subcommand, flag and flag value, conditioned on the command path. */
export function fishCompletion(root: Command, name = root.name()): string {
  const lines = [
    `# ${name} completion for fish: ${name} completion fish | source`,
    `function __${name}_path`,
    `  set -l words (commandline -opc)`,
    `  set -l path`,
    `  for w in $words[2..-1]`,
    `    string match -q -- '-*' $w; and continue`,
    `    set -l next (string join ' ' $path $w)`,
    `    contains -- $next $__${name}_commands; and set path $path $w`,
    `  end`,
    `  string join ' ' $path`,
    `end`,
    `function __${name}_is`,
    `  set -l p (__${name}_path)`,
    `  test "$p" = "$argv[1]"`,
    `end`,
  ];
  const all = nodes(root);
  lines.push(
    `set -g __${name}_commands ${all
      .filter((n) => n.path)
      .map((n) => quote(n.path))
      .join(" ")}`,
  );
  for (const n of all) {
    const when = `-n ${quote(`__${name}_is ${quote(n.path)}`)}`;
    for (const sub of n.subcommands) lines.push(`complete -c ${name} -f ${when} -a ${quote(sub)}`);
    for (const opt of n.options) {
      const values = n.choices[opt];
      lines.push(
        `complete -c ${name} -f ${when} -l ${quote(opt.slice(2))}${values ? ` -r -a ${quote(values.join(" "))}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
