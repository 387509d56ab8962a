// Entry point: start any provider's simulator, plus the clocks and fault types tests use.
import { startAvidoSimulator, type AvidoSimulator, type AvidoSimulatorOptions } from "./avido/index.js";
import { startDuckieSimulator, type DuckieSimulator } from "./duckie/index.js";
import { startDuvoSimulator, type DuvoSimulator, type DuvoSimulatorOptions } from "./duvo/index.js";
import type { SimulatorOptions } from "./server.js";

export { AvidoSimulator, startAvidoSimulator, type AvidoSimulatorOptions } from "./avido/index.js";
export { DuckieSimulator, startDuckieSimulator } from "./duckie/index.js";
export {
  DuvoSimulator,
  startDuvoSimulator,
  type DuvoSimulatorOptions,
  type AgentBehaviour,
  type WebhookDelivery,
} from "./duvo/index.js";
export { ManualClock, RealClock, type Clock } from "./clock.js";
export { Faults, type FaultAction, type FaultMatch, type FaultRule } from "./faults.js";
export { Simulator, type RecordedRequest, type SimulatorOptions } from "./server.js";

export const PROVIDERS = ["duvo", "avido", "duckie"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface SimulatorFor {
  duvo: DuvoSimulator;
  avido: AvidoSimulator;
  duckie: DuckieSimulator;
}

export interface OptionsFor {
  duvo: DuvoSimulatorOptions;
  avido: AvidoSimulatorOptions;
  duckie: SimulatorOptions;
}

/** Starts the named provider's simulator. */
export function startSimulator<P extends ProviderName>(
  provider: P,
  options?: OptionsFor[P],
): Promise<SimulatorFor[P]> {
  const start = { duvo: startDuvoSimulator, avido: startAvidoSimulator, duckie: startDuckieSimulator }[
    provider
  ];
  if (!start) throw new TypeError(`Unknown provider "${provider}". Known: ${PROVIDERS.join(", ")}.`);
  return start((options ?? {}) as never) as Promise<SimulatorFor[P]>;
}
