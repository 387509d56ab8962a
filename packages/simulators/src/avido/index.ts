// The Avido simulator: GET /v0/runs with skip pagination, ordering and date filters, and Avido's error shapes.
import type { IncomingHttpHeaders } from "node:http";
import { SimError, type Issue } from "../errors.js";
import { Simulator, header, type Handler, type Reply, type SimulatorOptions } from "../server.js";
import { seedAvido, type AvidoRun } from "./seed.js";

export interface AvidoSimulatorOptions extends SimulatorOptions {
  /** The application the runs belong to (default "app_simulated"). */
  applicationId?: string;
  /** Accepted x-application-id values; default: any non-empty id. A refused id gets 403. */
  applicationIds?: readonly string[];
}

/** Zod issue codes (Avido validates with Zod) for the JSON Schema keywords that fail. */
const ZOD_CODE: Record<string, string> = {
  maximum: "too_big",
  exclusiveMaximum: "too_big",
  maxLength: "too_big",
  maxItems: "too_big",
  minimum: "too_small",
  exclusiveMinimum: "too_small",
  minLength: "too_small",
  minItems: "too_small",
  enum: "invalid_enum_value",
  format: "invalid_string",
  pattern: "invalid_string",
  unknown: "unrecognized_keys",
};

const zodIssue = (issue: Issue) => ({
  code: ZOD_CODE[issue.keyword] ?? "invalid_type",
  message: issue.message,
  path: issue.path.slice(1),
});

const ORDER = {
  createdAt: (r: AvidoRun) => r.created,
  modifiedAt: (r: AvidoRun) => r.modified,
  type: (r: AvidoRun) => r.output.type,
  id: (r: AvidoRun) => r.output.id,
} as const;

export class AvidoSimulator extends Simulator {
  readonly runs: AvidoRun[];

  constructor(readonly avidoOptions: AvidoSimulatorOptions = {}) {
    super("avido", avidoOptions);
    this.runs = seedAvido(
      avidoOptions.seed ?? 1,
      avidoOptions.runs ?? 250,
      this.clock.now(),
      avidoOptions.applicationId ?? "app_simulated",
    );
  }

  protected apiKeyOf(headers: IncomingHttpHeaders): string {
    return header(headers, "x-api-key") ?? "";
  }

  protected authenticate(headers: IncomingHttpHeaders): SimError | undefined {
    const key = header(headers, "x-api-key");
    const app = header(headers, "x-application-id");
    if (!key) return new SimError("unauthorized", "Missing x-api-key header");
    if (!this.keyAccepted(key)) return new SimError("unauthorized", "Invalid API key");
    if (!app) return new SimError("unauthorized", "Missing x-application-id header");
    const apps = this.avidoOptions.applicationIds;
    if (apps && !apps.includes(app))
      return new SimError("forbidden", "This API key has no access to that application");
    return undefined;
  }

  protected renderError(error: SimError, _requestId: string): Reply {
    if (error.kind === "validation") {
      return { status: 422, body: { message: "Invalid request data", issues: error.issues.map(zodIssue) } };
    }
    return { status: error.status, body: { message: error.message } };
  }

  protected readonly handlers: Record<string, Handler> = {
    listRuns: ({ query }) => {
      const start = query.startDate === undefined ? -Infinity : Date.parse(query.startDate);
      const end = query.endDate === undefined ? Infinity : Date.parse(query.endDate);
      const found = this.runs.filter((r) => r.created >= start && r.created <= end);
      const key = ORDER[(query.orderBy ?? "createdAt") as keyof typeof ORDER];
      const dir = query.orderDir === "asc" ? 1 : -1;
      found.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return dir * (x < y ? -1 : x > y ? 1 : a.output.id < b.output.id ? -1 : 1);
      });
      const skip = query.skip ?? 0;
      const limit = query.limit ?? 25;
      return {
        status: 200,
        body: {
          data: found.slice(skip, skip + limit).map((r) => r.output),
          pagination: {
            skip,
            limit,
            total: found.length,
            totalPages: Math.ceil(found.length / limit),
            totalCount: this.runs.length,
          },
        },
      };
    },
  };
}

/** Starts an Avido simulator on 127.0.0.1 (random port unless `port` is given). */
export function startAvidoSimulator(options: AvidoSimulatorOptions = {}): Promise<AvidoSimulator> {
  return new AvidoSimulator(options).start();
}
