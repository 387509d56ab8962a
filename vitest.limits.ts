// Every package's test time limits, in one place: hang guards, not speed checks. `pnpm test` runs its suites side by
// side on two shared cores, and beside another job (a `pnpm build --force` loop) a test took ten times its time alone
// (the simulators' 100-page Avido walk: 3 s alone, past 30 s under that load). A limit is set far above the slowest
// run seen under load, so load slows a test down instead of failing it, and a hung test still fails.
export const limits = { testTimeout: 120_000, hookTimeout: 120_000 } as const;
