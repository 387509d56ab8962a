// Turns classified changes into a semver bump (with 0.x rules), a plain-words summary and changeset files.
import type { Change, Level } from "./rules.js";

const RANK: Record<Level, number> = { patch: 0, feature: 1, breaking: 2 };

/** The worst level among the changes, or undefined when there are none. */
export function worst(changes: readonly Change[]): Level | undefined {
  return changes.reduce<Level | undefined>(
    (w, c) => (w === undefined || RANK[c.level] > RANK[w] ? c.level : w),
    undefined,
  );
}

export type Bump = "major" | "minor" | "patch";

/**
 * The semver bump for a level at a version. From 1.0.0: breaking → major, feature → minor, patch → patch.
 * Before 1.0.0 (0.x), where the minor number is the compatibility boundary: breaking → minor, feature → patch.
 */
export function bumpFor(level: Level, version: string): Bump {
  const zero = /^0\./.test(version);
  if (level === "breaking") return zero ? "minor" : "major";
  if (level === "feature") return zero ? "patch" : "minor";
  return "patch";
}

const HEADINGS: Record<Level, string> = {
  breaking: "Breaking changes",
  feature: "New features",
  patch: "Documentation and other compatible changes",
};

/** A readable summary: changes grouped by level, then by operation. */
export function summarize(title: string, changes: readonly Change[]): string {
  const level = worst(changes);
  if (!level) return `${title}: no changes.`;
  const lines = [
    `${title} (${level === "breaking" ? "breaking" : level === "feature" ? "new features" : "compatible"}):`,
  ];
  for (const l of ["breaking", "feature", "patch"] as const) {
    const group = changes.filter((c) => c.level === l);
    if (!group.length) continue;
    lines.push("", `${HEADINGS[l]}:`);
    for (const c of group) lines.push(`- ${c.operation === "spec" ? "" : `${c.operation}: `}${c.message}`);
  }
  return lines.join("\n");
}

export interface ChangesetFile {
  name: string;
  content: string;
}

export interface ReleaseTarget {
  /** npm package name. */
  name: string;
  version: string;
}

/**
 * Changesets for a spec update: the generated package gets one sized by the worst change; the wrapper, whose public
 * types re-export the generated ones, gets one whenever those types changed (any change beyond documentation).
 */
export function changesets(
  providerTitle: string,
  changes: readonly Change[],
  generated: ReleaseTarget,
  wrapper: ReleaseTarget | undefined,
  id: string,
): ChangesetFile[] {
  const level = worst(changes);
  if (!level) return [];
  const summary = summarize(`${providerTitle} API spec update`, changes);
  const files: ChangesetFile[] = [
    {
      name: `${id}-openapi.md`,
      content: `---\n"${generated.name}": ${bumpFor(level, generated.version)}\n---\n\n${summary}\n`,
    },
  ];
  if (wrapper && level !== "patch") {
    const ops = [
      ...new Set(
        changes.filter((c) => c.level !== "patch" && c.operation !== "spec").map((c) => c.operation),
      ),
    ];
    const text =
      `Follows the ${providerTitle} API spec update: the generated types this package re-exports changed` +
      (ops.length ? ` for ${ops.join(", ")}` : "") +
      `.${level === "breaking" ? " Code that reads the changed fields or sends the changed parameters must be updated." : ""}\n\n${summary}`;
    files.push({
      name: `${id}-client.md`,
      content: `---\n"${wrapper.name}": ${bumpFor(level, wrapper.version)}\n---\n\n${text}\n`,
    });
  }
  return files;
}
