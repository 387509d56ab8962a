// Commander's Command whose actions return the exit code (commander itself discards what an action returns).
import { Command } from "commander";

export class Cmd extends Command {
  /** What the last action returned (0 when it returned nothing). */
  result = 0;

  override createCommand(name?: string): Cmd {
    return new Cmd(name);
  }

  override action(fn: (...args: any[]) => unknown): this {
    return super.action(async (...args: unknown[]) => {
      const code = await fn(...args);
      let root: Command = this;
      while (root.parent) root = root.parent;
      (root as Cmd).result = typeof code === "number" ? code : 0;
    });
  }
}
