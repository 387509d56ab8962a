// The large-spec rows of docs/benchmarks.md: generation, memory, type-check and consumer cost per spec.
import type { LargeSpecResult } from "./large-specs.js";
import { ratioTable } from "./report.js";

export function largeSpecsSection(rows: readonly LargeSpecResult[]): string {
  return (
    "## Large specs\n\nEach a fresh process, interleaved rounds; openapi-typescript gets the document as our pipeline " +
    "converts it (it reads OpenAPI 3 only). Targets: generation ≤ 2× openapi-typescript's time in ≤ 2 GB; the typed " +
    "package's type-check ≤ 2× that of openapi-typescript's output alone; a consumer of three operations ≤ 1.5 s.\n\n" +
    rows
      .map(
        (r) =>
          `### ${r.id} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.operations.toLocaleString("en")} operations)\n\n` +
          `Generation (peak memory of ours: ${r.peakRssMb.toLocaleString("en")} MB):\n\n${ratioTable(r.generate, "ms/run")}\n\n` +
          `Type-check:\n\n${ratioTable(r.typeCheck, "ms/run")}\n\n` +
          `A consumer calling three operations through ${r.consumer.entry === "per-operation" ? "the per-operation entry points" : "the package's entry"}: ` +
          `${r.consumer.ms.toLocaleString("en")} ms for \`tsc\` (median, process included), ` +
          `${r.consumer.instantiations.toLocaleString("en")} type instantiations; beside an empty file under the same flags:\n\n` +
          ratioTable(r.consumer.rounds, "ms/run"),
      )
      .join("\n\n")
  );
}
