// The clients every scenario builds, on the transport of the pass being run (fetch, or undici.request through
// @agentruns/core/undici): one place decides, so each scenario runs unchanged on both. A scenario that brings its own
// fetch or transport keeps it.
import { Avido as AvidoClient, type AvidoOptions } from "@agentruns/avido";
import type { Transport } from "@agentruns/core";
import { Duckie as DuckieClient, type DuckieOptions } from "@agentruns/duckie";
import { Duvo as DuvoClient, type DuvoOptions } from "@agentruns/duvo";

let current: Transport | undefined;

/** The transport the following scenarios' clients send with; undefined: the default (fetch). */
export function useTransport(transport: Transport | undefined): void {
  current = transport;
}

const onCurrent = <O extends { fetch?: unknown; transport?: unknown }>(options: O): O =>
  current && options.fetch === undefined && options.transport === undefined
    ? { ...options, transport: current }
    : options;

export class Duvo extends DuvoClient {
  constructor(options: DuvoOptions = {}) {
    super(onCurrent(options));
  }
}

export class Avido extends AvidoClient {
  constructor(options: AvidoOptions = {}) {
    super(onCurrent(options));
  }
}

export class Duckie extends DuckieClient {
  constructor(options: DuckieOptions = {}) {
    super(onCurrent(options));
  }
}
